import Foundation
import Schedule
import RVMTarget

/// Files of this repository the pipeline tests read (kernel files, the
/// hand-written C reference), and the pipeline as `rvm compile` runs it.
enum RepositoryFiles {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func url(_ path: String) -> URL { root.appendingPathComponent(path) }

    static func text(_ path: String) throws -> String {
        try String(contentsOf: url(path), encoding: .utf8)
    }

    static let conv1d = "kernels/conv1d/conv1d.exo"
    static let rvmTiles = "kernels/examples/rvm_tiles.exo"
}

/// The text -> C pipeline of `rvm compile` with the RVM target.
enum RVMPipeline {
    static func compile(_ source: String, file: String = "k.exo", selecting selection: ProcSelection = .allProcs,
                        library: String = "k") throws -> KernelCompilation {
        try KernelPipeline(target: RVMTarget.kernelTarget).compile(source, file: file, selecting: selection, library: library)
    }

    /// The errors `rvm compile` would print for `source` (nil when it compiles).
    static func compileErrors(_ source: String, file: String = "k.exo", selecting selection: ProcSelection = .allProcs) -> [KernelError]? {
        do {
            _ = try compile(source, file: file, selecting: selection)
            return nil
        } catch let e as KernelDiagnostics {
            return e.errors
        } catch {
            return [KernelError(.codegen, "not a kernel error: \(error)")]
        }
    }

    /// The one error `rvm compile` would print for `source` (nil when it compiles or prints several).
    static func compileError(_ source: String, file: String = "k.exo", selecting selection: ProcSelection = .allProcs) -> KernelError? {
        guard let all = compileErrors(source, file: file, selecting: selection), all.count == 1 else { return nil }
        return all[0]
    }
}
