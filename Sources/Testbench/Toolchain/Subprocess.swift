import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs an external program to completion and captures its output.
///
/// Output goes through temporary files rather than pipes so a chatty child
/// can never block on a full pipe while we wait for it.
public struct Subprocess: Sendable {
    public struct Result: Sendable {
        public var status: Int32
        public var standardOutput: String
        public var standardError: String
        public var timedOut: Bool
        /// stdout and stderr, stderr last (compilers print diagnostics there).
        public var combinedOutput: String {
            [standardOutput, standardError].filter { !$0.isEmpty }.joined(separator: "\n")
        }
    }

    public enum Failure: Error, CustomStringConvertible, Equatable {
        case couldNotStart(executable: String, reason: String)
        public var description: String {
            switch self {
            case .couldNotStart(let executable, let reason):
                return "could not start \(executable): \(reason)"
            }
        }
    }

    public var executable: URL
    public var arguments: [String]
    public var workingDirectory: URL?
    /// Seconds before the child is terminated; nil waits for ever.
    public var timeout: Double?

    public init(executable: URL, arguments: [String], workingDirectory: URL? = nil, timeout: Double? = nil) {
        self.executable = executable
        self.arguments = arguments
        self.workingDirectory = workingDirectory
        self.timeout = timeout
    }

    public func run() throws(Failure) -> Result {
        let fileManager = FileManager.default
        let scratch = fileManager.temporaryDirectory
            .appendingPathComponent("rvm-subprocess-\(UUID().uuidString)", isDirectory: true)
        do {
            try fileManager.createDirectory(at: scratch, withIntermediateDirectories: true)
        } catch {
            throw .couldNotStart(executable: executable.path, reason: "cannot create \(scratch.path): \(error)")
        }
        defer { try? fileManager.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout")
        let errURL = scratch.appendingPathComponent("stderr")
        _ = fileManager.createFile(atPath: outURL.path, contents: nil)
        _ = fileManager.createFile(atPath: errURL.path, contents: nil)

        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let workingDirectory { process.currentDirectoryURL = workingDirectory }
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        let timedOut: Bool
        do {
            let outHandle = try FileHandle(forWritingTo: outURL)
            let errHandle = try FileHandle(forWritingTo: errURL)
            defer {
                try? outHandle.close()
                try? errHandle.close()
            }
            process.standardOutput = outHandle
            process.standardError = errHandle
            process.standardInput = FileHandle.nullDevice
            try process.run()
            if let timeout {
                if finished.wait(timeout: .now() + timeout) == .timedOut {
                    // SIGKILL, not SIGTERM: a child spawned from a Dispatch worker
                    // inherits its signal mask, SIGTERM blocked, and QEMU then
                    // ignores SIGTERM for ever.
                    kill(process.processIdentifier, SIGKILL)
                    finished.wait()
                    timedOut = true
                } else {
                    timedOut = false
                }
            } else {
                finished.wait()
                timedOut = false
            }
        } catch {
            throw .couldNotStart(executable: executable.path, reason: "\(error)")
        }
        // Lossy decoding: a tool's output is text for people, never a reason to fail.
        let out = String(decoding: (try? Data(contentsOf: outURL)) ?? Data(), as: UTF8.self)
        let err = String(decoding: (try? Data(contentsOf: errURL)) ?? Data(), as: UTF8.self)
        return Result(status: process.terminationStatus, standardOutput: out, standardError: err, timedOut: timedOut)
    }

    /// Finds an executable by name on PATH (or takes an absolute path as is).
    public static func locate(_ name: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        let fileManager = FileManager.default
        if name.contains("/") {
            return fileManager.isExecutableFile(atPath: name) ? URL(fileURLWithPath: name) : nil
        }
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") where !directory.isEmpty {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
            if fileManager.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }
}
