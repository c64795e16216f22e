import Foundation

/// A directory of finished builds, one subdirectory per content hash.
///
/// An entry holds the sources, objects, `program.elf` and `build.log`; it is
/// built in a scratch directory and renamed into place, so a half-finished
/// build is never mistaken for a cached one.
public struct BuildCache: Sendable, Hashable {
    public static let environmentOverride = "RVM_BENCH_CACHE"
    public let directory: URL

    public init(directory: URL) {
        self.directory = directory
    }

    /// `$RVM_BENCH_CACHE` if set, else `<packageRoot>/.build/rvm-bench-cache`.
    public static func standard(packageRoot: URL,
                                environment: [String: String] = ProcessInfo.processInfo.environment) -> BuildCache {
        if let override = environment[environmentOverride], !override.isEmpty {
            return BuildCache(directory: URL(fileURLWithPath: override, isDirectory: true))
        }
        return BuildCache(directory: packageRoot.appendingPathComponent(".build/rvm-bench-cache", isDirectory: true))
    }

    func entry(for key: String) -> URL { directory.appendingPathComponent(key, isDirectory: true) }

    static let programName = "program.elf"
    static let logName = "build.log"

    func cachedProgram(for key: String) -> URL? {
        let elf = entry(for: key).appendingPathComponent(BuildCache.programName)
        return FileManager.default.fileExists(atPath: elf.path) ? elf : nil
    }

    func makeScratchDirectory() throws(ToolchainError) -> URL {
        let scratch = directory.appendingPathComponent("tmp-\(UUID().uuidString)", isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        } catch {
            throw .cacheUnavailable(path: directory.path, reason: "\(error)")
        }
        return scratch
    }

    /// Moves a finished scratch build into place; if a concurrent build of the
    /// same key won the race, its entry is kept and ours discarded.
    func publish(scratch: URL, key: String) throws(ToolchainError) -> URL {
        let destination = entry(for: key)
        let fileManager = FileManager.default
        do {
            try fileManager.moveItem(at: scratch, to: destination)
        } catch {
            try? fileManager.removeItem(at: scratch)
            guard cachedProgram(for: key) != nil else {
                throw .cacheUnavailable(path: destination.path, reason: "\(error)")
            }
        }
        return destination.appendingPathComponent(BuildCache.programName)
    }
}
