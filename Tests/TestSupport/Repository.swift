import Foundation

/// Files of this repository that tests read (kernels, runtime, hand-written C).
public enum Repository {
    /// The package root (this file lives in Tests/TestSupport/).
    public static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static func url(_ path: String) -> URL { root.appendingPathComponent(path) }

    public static func text(_ path: String) throws -> String {
        try String(contentsOf: url(path), encoding: .utf8)
    }

    /// kernels/runtime: crt0.S, xheep.ld, libc_min.c, rvm.h.
    public static let runtime = url("kernels/runtime")
    public static let conv1d = "kernels/conv1d/conv1d.exo"
    public static let rvmTiles = "kernels/examples/rvm_tiles.exo"
}

extension Repository {
    /// kernels/runtime/rvm.h (or a copy named by $RVM_H), nil when absent.
    public static var rvmHeader: URL? {
        if let env = ProcessInfo.processInfo.environment["RVM_H"], FileManager.default.fileExists(atPath: env) {
            return URL(fileURLWithPath: env)
        }
        let h = runtime.appendingPathComponent("rvm.h")
        return FileManager.default.fileExists(atPath: h.path) ? h : nil
    }
}
