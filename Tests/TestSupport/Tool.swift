import Foundation

/// What a finished tool printed, and its exit status.
public struct ToolOutput: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
}

/// A tool exited non-zero (or could not be run as asked).
public struct ToolFailure: Error, CustomStringConvertible {
    public var description: String
    public init(description: String) { self.description = description }
}

/// Runs host and cross tools (looked up on the PATH) from tests.
public enum Tool {
    /// Runs `tool arguments` in `directory`; `timeout` kills it after that many
    /// seconds. With `check`, a non-zero exit throws with stderr and stdout.
    @discardableResult
    public static func run(_ tool: String, _ arguments: [String], in directory: URL? = nil,
                           timeout: Double? = nil, check: Bool = true) throws -> ToolOutput {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        var timer: DispatchSourceTimer?
        if let timeout {
            let t = DispatchSource.makeTimerSource()
            t.schedule(deadline: .now() + timeout)
            t.setEventHandler { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }   // QEMU may ignore SIGTERM
            t.resume()
            timer = t
        }
        // Read both pipes to the end, at the same time, before waiting: a
        // large output on either would otherwise fill its pipe and block.
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data(), errData = Data()
        DispatchQueue.global().async(group: group) { outData = out.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: group) { errData = err.fileHandleForReading.readDataToEndOfFile() }
        group.wait()
        process.waitUntilExit()
        timer?.cancel()
        let result = ToolOutput(status: process.terminationStatus,
                                stdout: String(decoding: outData, as: UTF8.self),
                                stderr: String(decoding: errData, as: UTF8.self))
        if check && result.status != 0 {
            throw ToolFailure(description: "\(tool) \(arguments.joined(separator: " ")) failed (\(result.status)):\n\(result.stderr)\(result.stdout)")
        }
        return result
    }

    /// Whether `tool` is on the PATH.
    public static func available(_ tool: String) -> Bool {
        (try? run("which", [tool], check: false).status == 0) ?? false
    }
}
