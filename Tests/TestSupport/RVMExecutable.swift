import Foundation

/// The `rvm` tool of this package, run as a user would: the binary that
/// `swift build --build-tests` puts beside the test bundle.
public enum RVMExecutable {
    public struct Missing: Error, CustomStringConvertible {
        public var description: String
    }

    public static func url() throws -> URL {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("rvm")
        let candidates = [beside, Repository.url(".build/debug/rvm")]
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw Missing(description: "no rvm binary at \(candidates.map(\.path)); build it with `swift build --build-tests`")
        }
        return found
    }

    /// Runs `rvm arguments...` in `directory` (default: the package root);
    /// a non-zero exit is returned, not thrown.
    public static func run(_ arguments: [String], in directory: URL = Repository.root,
                           timeout: Double? = nil) throws -> ToolOutput {
        try Tool.run(try url().path, arguments, in: directory, timeout: timeout, check: false)
    }
}
