/// The reference interpreter: runs a proc on concrete inputs. It is the
/// oracle rewrites and the testbench check against, so it follows the
/// semantics exactly (see DataValue and IndexOperations) and reports every
/// failing precondition or out-of-bounds access as a KernelError(.interpreter).
///
///     let k = try PreparedProc(conv1d)
///     try k.run([.tensor(data), .tensor(kernels), .tensor(out)])
public struct PreparedProc {
    let resolved: ResolvedProc
    public var proc: Proc { resolved.proc }

    /// Resolves names once; `run` may then be called many times.
    public init(_ proc: Proc) throws(KernelError) {
        resolved = try Resolver.resolve(proc)
    }

    /// Runs the proc. Tensors are updated in place (they share storage with the caller).
    public func run(_ args: [Argument]) throws(KernelError) {
        try Evaluator(resolved).run(args)
    }
}

public enum Interpreter {
    /// Resolves and runs `proc` once.
    public static func run(_ proc: Proc, _ args: [Argument]) throws(KernelError) {
        try PreparedProc(proc).run(args)
    }
}
