import Foundation

/// The `rvm` tool of this package, run as a user would: the binary that
/// `swift build --build-tests` puts beside the test bundle.
enum RVMExecutable {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    struct Missing: Error, CustomStringConvertible {
        var description: String
    }

    static func url() throws -> URL {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("rvm")
        let candidates = [beside, RepositoryFiles.url(".build/debug/rvm")]
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw Missing(description: "no rvm binary at \(candidates.map(\.path)); build it with `swift build --build-tests`")
        }
        return found
    }

    /// Runs `rvm arguments...` in `directory` (default: the package root).
    static func run(_ arguments: [String], in directory: URL = RepositoryFiles.root) throws -> Result {
        // Output goes to files: two pipes read one after the other could fill up and block the tool.
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("rvm-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout"), errURL = scratch.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        let p = Process()
        p.executableURL = try url()
        p.arguments = arguments
        p.currentDirectoryURL = directory
        p.standardOutput = out
        p.standardError = err
        try p.run()
        p.waitUntilExit()
        try out.close()
        try err.close()
        return Result(status: p.terminationStatus, stdout: try String(contentsOf: outURL, encoding: .utf8),
                      stderr: try String(contentsOf: errURL, encoding: .utf8))
    }
}
