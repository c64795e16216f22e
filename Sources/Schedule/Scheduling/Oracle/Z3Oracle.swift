import Synchronization

/// Decides the rewrites' soundness questions with z3 (through `SMTContext`):
/// the claim is proved when `facts and not claim` is unsatisfiable; a model
/// of it is the counterexample; z3 giving up (timeout, non-linear arithmetic
/// it cannot decide) is `.unknown`, which the rewrites treat as a refusal.
///
/// Concurrency: an `SMTContext` must be used by one thread at a time and is
/// not `Sendable`. The oracle keeps a small pool of contexts behind a
/// `Mutex`: a query takes a context out of the pool (or makes a new one),
/// uses it without holding the lock, and puts it back. A context is thus
/// only ever reachable from one thread at a time, and parallel schedules
/// (tuning) run their queries in parallel. Contexts keep their caches, so a
/// query asked again is answered without the solver.
public final class Z3Oracle: SoundnessOracle {
    /// Idle contexts, each owned by nobody while in the pool.
    private let pool = Mutex<ContextPool>(ContextPool())
    private let timeoutMilliseconds: UInt32

    /// - Parameter timeoutMilliseconds: per solver check; when it runs out the answer is `.unknown`.
    public init(timeoutMilliseconds: UInt32 = 2_000) {
        self.timeoutMilliseconds = timeoutMilliseconds
    }

    public func prove(_ query: ProofQuery) -> OracleResult {
        let translation: QueryTranslation
        do {
            translation = try QueryTranslation(query)
        } catch {
            guard case .claim(let why) = error else { return .unknown(reason: "cannot translate the claim") }
            return .unknown(reason: "the solver cannot read `\(query.claim.exoText)`: \(why)")
        }
        let result: ProofResult
        do {
            result = try withContext { $0.prove(translation.claim, assuming: translation.facts) }
        } catch {
            return .unknown(reason: "z3 is unavailable: \(error.message)")
        }
        switch result {
        case .proved:
            return .proved
        case .counterexample(let model):
            let values = translation.counterexample(model)
            if let (fact, why) = translation.droppedFacts.first {
                return .unknown(reason: "cannot prove `\(query.claim.exoText)`: it fails at "
                    + "\(SyntacticOracle.describe(values)) unless `\(fact.exoText)` excludes it, "
                    + "which the solver cannot read (\(why))")
            }
            return .refuted(counterexample: values)
        case .unknown(let why):
            return .unknown(reason: "cannot prove `\(query.claim.exoText)`: \(why)")
        }
    }

    /// Runs `body` on a context no other thread holds.
    private func withContext<R>(_ body: (SMTContext) -> R) throws(SMTError) -> R {
        let context = try pool.withLock { (p) throws(SMTError) -> ContextPool.Lease in
            try p.take(timeoutMilliseconds: timeoutMilliseconds)
        }
        let result = body(context.context)
        pool.withLock { $0.giveBack(context) }
        return result
    }
}

/// The idle contexts of a `Z3Oracle`.
private struct ContextPool: ~Copyable {
    /// A context handed out to one caller. `@unchecked Sendable` because the
    /// pool hands each context to exactly one caller at a time and takes it
    /// back only when that caller is done: there is never shared access.
    struct Lease: @unchecked Sendable {
        let context: SMTContext
    }

    private var idle: [Lease] = []
    /// More idle contexts than this are dropped (their memory with them).
    private let maxIdle = 8

    mutating func take(timeoutMilliseconds: UInt32) throws(SMTError) -> Lease {
        if let lease = idle.popLast() { return lease }
        return Lease(context: try SMTContext(timeoutMilliseconds: timeoutMilliseconds))
    }

    mutating func giveBack(_ lease: Lease) {
        if idle.count < maxIdle { idle.append(lease) }
    }
}
