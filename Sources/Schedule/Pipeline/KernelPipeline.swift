/// A kernel file from text to C, one phase after another:
///
///     parse (the target's instruction procs predefined)
///     -> type check (and memory names against the target's registry)
///     -> bounds check (z3)
///     -> C code generation (header + source)
///
/// Every error is a `KernelError` carrying its phase, the file name and the
/// line:column in the kernel text, so a front end prints it as
/// `conv1d.exo:14:25: bounds error: ...`.
///
///     let pipeline = try KernelPipeline(target: RVMTarget.kernelTarget)
///     let result = try pipeline.compile(source, file: "conv1d.exo", library: "conv1d")
///     // result.output.header, result.output.source
///
/// Phases throw the first `KernelError`; the whole-file calls throw
/// `KernelDiagnostics`, every error found (all the bounds violations).
///
/// The pipeline owns a z3 context (through its `BoundsChecker`), so it is not
/// `Sendable`: use one per thread. It accumulates `times` over its calls.
public final class KernelPipeline {
    public let target: KernelTarget
    public let boundsChecker: BoundsChecker
    public private(set) var times = PhaseTimes()

    public init(target: KernelTarget) throws(KernelError) {
        self.target = target
        var times = PhaseTimes()
        boundsChecker = try times.measure(.solverStart) { () throws(KernelError) in try BoundsChecker() }
        self.times = times
    }

    public func resetTimes() { times = PhaseTimes() }

    // MARK: phases

    /// Parses a kernel file; the target's procs are callable without being defined.
    public func parse(_ source: String, file: String? = nil) throws(KernelError) -> KernelModule {
        try times.measure(.parse) { () throws(KernelError) in
            try KernelParser.parse(source, file: file, predefined: target.predefined)
        }
    }

    /// Types and memory names of every proc of the module, in order; throws the first error.
    public func typeCheck(_ module: KernelModule, file: String? = nil) throws(KernelError) {
        try tagged(file) { () throws(KernelError) in
            try times.measure(.typeCheck) { () throws(KernelError) in
                let checker = TypeChecker(memoryAccepts: target.memoryAcceptance)
                for p in module.procs {
                    // An unknown memory first: a typo would otherwise surface as a call mismatch.
                    try MemoryNameCheck.check(p, against: target.codegen.memories)
                    try checker.check(p)
                }
            }
        }
    }

    /// Every access of every proc that the solver cannot prove in bounds, in
    /// program order (empty when all are proved).
    public func boundsViolations(_ module: KernelModule, file: String? = nil) throws(KernelError) -> [KernelError] {
        try tagged(file) { () throws(KernelError) in
            try times.measure(.boundsCheck) { () throws(KernelError) in
                var all: [KernelError] = []
                for p in module.procs { all += try boundsChecker.violations(in: p) }
                return all.map { e in
                    var e = e
                    if e.file == nil { e.file = file }
                    return e
                }
            }
        }
    }

    /// Type and bounds checks; throws the first error.
    public func check(_ module: KernelModule, file: String? = nil) throws(KernelError) {
        try typeCheck(module, file: file)
        if let first = try boundsViolations(module, file: file).first { throw first }
    }

    /// C for the selected procs of a checked module (and the plain procs they call).
    public func generateC(_ module: KernelModule, selecting selection: ProcSelection = .allProcs,
                          library: String, file: String? = nil) throws(KernelError) -> CCodegen.Output {
        try tagged(file) { () throws(KernelError) in
            let roots = try selection.procs(of: module)
            return try times.measure(.codegen) { () throws(KernelError) in
                try CCodegen.compile(roots, library: library, options: target.codegen)
            }
        }
    }

    // MARK: whole files

    /// Parse, type check and bounds check a file. Parsing and typing stop at
    /// the first error; the bounds check reports every access it cannot prove.
    public func checkedModule(_ source: String, file: String? = nil) throws(KernelDiagnostics) -> KernelModule {
        let module: KernelModule, violations: [KernelError]
        do throws(KernelError) {
            module = try parse(source, file: file)
            try typeCheck(module, file: file)
            violations = try boundsViolations(module, file: file)
        } catch {
            throw KernelDiagnostics([error])
        }
        guard violations.isEmpty else { throw KernelDiagnostics(violations) }
        return module
    }

    /// What `rvm check` reports: `checkedModule`, then C generated and dropped,
    /// so what only code generation refuses (memory permissions, register
    /// limits, a target's instruction checks) is found without compiling.
    /// A file of `@instr` procs alone skips that step.
    public func verify(_ source: String, file: String? = nil) throws(KernelDiagnostics) -> KernelModule {
        let module = try checkedModule(source, file: file)
        if module.procs.contains(where: { !$0.isInstruction }) {
            do throws(KernelError) {
                _ = try generateC(module, library: "verify", file: file)
            } catch {
                throw KernelDiagnostics([error])
            }
        }
        return module
    }

    /// Every phase: the module and the C of the selected procs.
    public func compile(_ source: String, file: String? = nil, selecting selection: ProcSelection = .allProcs,
                        library: String) throws(KernelDiagnostics) -> KernelCompilation {
        let module = try checkedModule(source, file: file)
        do throws(KernelError) {
            let output = try generateC(module, selecting: selection, library: library, file: file)
            return KernelCompilation(module: module, compiled: try selection.procs(of: module), output: output)
        } catch {
            throw KernelDiagnostics([error])
        }
    }

    /// Runs `work`, naming `file` in the error it throws (when none is named yet).
    private func tagged<T>(_ file: String?, _ work: () throws(KernelError) -> T) throws(KernelError) -> T {
        do throws(KernelError) {
            return try work()
        } catch {
            var e = error
            if e.file == nil { e.file = file }
            throw e
        }
    }
}

/// The result of compiling a kernel file.
public struct KernelCompilation: Sendable {
    /// Every proc of the file, checked.
    public var module: KernelModule
    /// The procs compiled as public C functions.
    public var compiled: [Proc]
    /// The C header and source.
    public var output: CCodegen.Output
}
