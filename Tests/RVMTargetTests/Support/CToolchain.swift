import Foundation

/// Builds and runs C programs at test time in a temporary directory.
struct CToolchain {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("rvmtarget-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    func write(_ name: String, _ text: String) throws {
        try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    /// Runs a tool; returns stdout; throws with stderr when it exits non-zero.
    @discardableResult
    func run(_ tool: String, _ args: [String]) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = [tool] + args
        p.currentDirectoryURL = directory
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        let stdout = String(decoding: o, as: UTF8.self), stderr = String(decoding: e, as: UTF8.self)
        guard p.terminationStatus == 0 else {
            throw Failure(description: "\(tool) \(args.joined(separator: " ")) failed (\(p.terminationStatus)):\n\(stderr)\(stdout)")
        }
        if !stderr.isEmpty && tool.hasSuffix("gcc") {
            throw Failure(description: "\(tool) printed diagnostics:\n\(stderr)")
        }
        return stdout
    }

    static func available(_ tool: String) -> Bool {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["which", tool]
        p.standardOutput = Pipe()
        p.standardError = Pipe()
        do { try p.run() } catch { return false }
        p.waitUntilExit()
        return p.terminationStatus == 0
    }

    func cleanUp() { try? FileManager.default.removeItem(at: directory) }
}

/// A small deterministic generator (SplitMix64), so failures reproduce.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension Array where Element == Int {
    /// A C initializer list.
    var cList: String { "{" + map { $0 == Int(Int32.min) ? "INT32_MIN" : String($0) }.joined(separator: ", ") + "}" }
}
