import Schedule
import RVMTarget

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
