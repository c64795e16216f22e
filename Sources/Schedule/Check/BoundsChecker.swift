/// Proves every tensor access of a proc in bounds, with z3:
///
/// - reads, assignments and reductions `x[i, j]`: `0 <= i < shape_0`, ...;
/// - windows `x[a:b, i]` (call arguments, window statements): points as
///   above, intervals `0 <= a <= b <= shape_d`;
/// - allocations: every dimension positive;
/// - calls: size arguments non-negative, tensor arguments of the callee's
///   shape, the callee's preconditions (see `BoundsCallSite`).
///
/// under the facts of `Assumptions` (loop ranges, if/else guards, the
/// preconditions, sizes non-negative). A failure is a `KernelError(.bounds)`
/// at the access, with a counterexample:
/// `data[c, j + r]: index 1 (j + r) may be out of bounds [0, 16): e.g. j = 15, r = 1 (c = 0)`.
///
/// Obligations at the same program point are first proved together in one
/// solver call; only a group that fails is split to find the culprit. The
/// checker owns an `SMTContext` (not thread-safe: one checker per thread),
/// whose cache makes re-checking an unchanged proc almost free.
public final class BoundsChecker {
    public let solver: SMTContext

    public init(solver: SMTContext) { self.solver = solver }

    public convenience init() throws(KernelError) {
        do { self.init(solver: try SMTContext()) } catch { throw KernelError(.bounds, "cannot start the solver: \(error)") }
    }

    /// Checks every proc of the module; throws the first violation.
    public func check(_ module: KernelModule) throws(KernelError) {
        for p in module.procs { try check(p) }
    }

    /// Throws the first violation of `proc`, in program order.
    public func check(_ proc: Proc) throws(KernelError) {
        if let first = try violations(in: proc).first { throw first }
    }

    /// All violations of `proc`, in program order. Throws (rather than lists)
    /// an expression the solver cannot read, e.g. data in an index.
    public func violations(in proc: Proc) throws(KernelError) -> [KernelError] {
        let scope: Assumptions
        do { scope = try Assumptions(proc: proc) } catch { throw error.kernelError(.bounds) }
        // Under contradictory preconditions every claim is proved, out-of-bounds
        // ones included: refuse them instead of checking nothing.
        if let first = proc.preconditions.first, solver.checkSatisfiable(scope.facts) == .unsatisfiable {
            let shown = proc.preconditions.map { "assert \(BoundsExprText.text($0))" }.joined(separator: "; ")
            return [KernelError(.bounds, "the preconditions of \(proc.name) can never all hold (\(shown); sizes are non-negative and a dense tensor's strides are fixed by its shape), so no call is valid and no access could be checked", at: first.loc)]
        }
        return try violations(of: proc.body, in: scope)
    }

    /// The violations of statements placed where `scope` describes (e.g. a
    /// block a rewrite has just produced).
    public func violations(of block: [Stmt], in scope: Assumptions) throws(KernelError) -> [KernelError] {
        var collector = BoundsCollector()
        do { try collector.block(block, scope) } catch { throw error.kernelError(.bounds) }
        return discharge(collector.obligations)
    }

    private func discharge(_ obligations: [BoundsObligation]) -> [KernelError] {
        var errors: [KernelError] = []
        var start = 0
        while start < obligations.count {
            let facts = obligations[start].facts
            var end = start + 1
            while end < obligations.count && obligations[end].facts == facts { end += 1 }
            let group = obligations[start..<end]
            let together = SMTTerm.and(group.map(\.claim))
            if group.count == 1 || solver.prove(together, assuming: facts) != .proved {
                for o in group {
                    switch solver.prove(o.claim, assuming: facts) {
                    case .proved: break
                    case .counterexample(let model):
                        let never = solver.checkSatisfiable(facts + [o.claim]) == .unsatisfiable
                        errors.append(o.error(counterexample: model, certain: never))
                    case .unknown(let reason): errors.append(o.error(unknown: reason))
                    }
                }
            }
            start = end
        }
        return errors
    }
}
