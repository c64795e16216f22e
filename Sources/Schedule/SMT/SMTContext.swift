import CZ3

/// A z3 solver session: answers `prove` and `checkSatisfiable` queries over
/// `SMTTerm`s and remembers every answer, so a query asked again (the same
/// facts and claim, as happens while scheduling) costs one hash lookup.
///
/// Concurrency: a z3 context may only be used by one thread at a time, so
/// this class is deliberately *not* `Sendable`: each checker, rewrite or task
/// makes its own (cheap: well under a millisecond) and the compiler refuses
/// to share one across threads. Separate contexts are independent and may
/// run in parallel (z3 guarantees that).
///
/// Memory: the context is made with `Z3_mk_context_rc`, and every z3 term we
/// build is retained once (`Z3_inc_ref`) and kept in a memo keyed by its
/// `SMTTerm`, so a term shared by many queries (loop ranges, preconditions)
/// is translated once. With the default `Z3_mk_context` a term would die at
/// the `Z3_solver_pop` closing the query that created it, which makes such
/// a memo unsafe. The memo is dropped (released) when it grows past
/// `memoLimit` terms between queries, and everything goes with the context.
///
/// Each query runs inside `push`/`pop` on one incremental solver (z3's SMT
/// core via `Z3_mk_simple_solver`); no solver is created per query.
public final class SMTContext {
    public struct Statistics: Hashable, Sendable {
        /// Queries asked (`prove` and `checkSatisfiable`).
        public var queries = 0
        /// Queries answered from the cache.
        public var cacheHits = 0
        /// Queries answered without the solver because the claim folded to a constant.
        public var trivial = 0
        /// Calls of `Z3_solver_check`.
        public var solverChecks = 0
    }

    public private(set) var statistics = Statistics()

    let z3: Z3_context
    let solver: Z3_solver
    let intSort: Z3_sort
    let boolSort: Z3_sort
    /// z3 terms of translated `SMTTerm`s (alive through `retainedTerms`).
    var memo: [SMTTerm: Z3_ast] = [:]
    /// Every z3 term we built, each holding exactly one reference.
    var retainedTerms: [Z3_ast] = []
    let memoLimit = 100_000
    /// Answers kept before the cache starts over (a long tuning session must not grow without bound).
    let cacheLimit = 100_000

    private struct ProofQuery: Hashable { let facts: [SMTTerm]; let claim: SMTTerm }
    private var proofCache: [ProofQuery: ProofResult] = [:]
    private var satCache: [[SMTTerm]: SatisfiabilityResult] = [:]

    /// - Parameter timeoutMilliseconds: per solver check; a check that runs
    ///   out answers `.unknown("timeout")` (or z3's reason) instead of hanging.
    public init(timeoutMilliseconds: UInt32 = 10_000) throws(SMTError) {
        guard let config = Z3_mk_config() else { throw SMTError("z3: cannot create a configuration") }
        let made = Z3_mk_context_rc(config)
        Z3_del_config(config)
        guard let made else { throw SMTError("z3: cannot create a context") }
        z3 = made
        // No handler: z3's default one exits the process. Errors are read back with Z3_get_error_code.
        Z3_set_error_handler(z3, nil)
        guard let intSort = Z3_mk_int_sort(z3), let boolSort = Z3_mk_bool_sort(z3),
              let solver = Z3_mk_simple_solver(z3) else {
            Z3_del_context(z3)
            throw SMTError("z3: cannot create sorts and solver")
        }
        Z3_inc_ref(z3, Z3_sort_to_ast(z3, intSort))
        Z3_inc_ref(z3, Z3_sort_to_ast(z3, boolSort))
        Z3_solver_inc_ref(z3, solver)
        self.intSort = intSort
        self.boolSort = boolSort
        self.solver = solver
        if let params = Z3_mk_params(z3) {
            Z3_params_inc_ref(z3, params)
            Z3_params_set_uint(z3, params, Z3_mk_string_symbol(z3, "timeout"), timeoutMilliseconds)
            Z3_solver_set_params(z3, solver, params)
            Z3_params_dec_ref(z3, params)
        }
    }

    deinit {
        // Deleting the context frees every term it owns, retained or not.
        Z3_solver_dec_ref(z3, solver)
        Z3_del_context(z3)
    }

    // MARK: Queries

    /// Does `claim` hold whenever all `facts` hold? (Checked as: facts and
    /// not claim is unsatisfiable.) A counterexample gives values for every
    /// variable of the facts and the claim.
    public func prove(_ claim: SMTTerm, assuming facts: [SMTTerm] = []) -> ProofResult {
        statistics.queries += 1
        if claim.boolValue == true {
            statistics.trivial += 1
            return .proved
        }
        let query = ProofQuery(facts: facts, claim: claim)
        if let known = proofCache[query] {
            statistics.cacheHits += 1
            return known
        }
        let result: ProofResult = switch solve([!claim] + facts) {
        case .unsatisfiable: .proved
        case .satisfiable(let model): .counterexample(model)
        case .unknown(let reason): .unknown(reason)
        }
        if proofCache.count >= cacheLimit { proofCache.removeAll(keepingCapacity: true) }
        proofCache[query] = result
        return result
    }

    /// Can all `facts` hold at once? If so, one model of them.
    public func checkSatisfiable(_ facts: [SMTTerm]) -> SatisfiabilityResult {
        statistics.queries += 1
        if let known = satCache[facts] {
            statistics.cacheHits += 1
            return known
        }
        let result = solve(facts)
        if satCache.count >= cacheLimit { satCache.removeAll(keepingCapacity: true) }
        satCache[facts] = result
        return result
    }

    /// Forgets cached answers (not translated terms); for measurements.
    public func clearCache() {
        proofCache.removeAll()
        satCache.removeAll()
    }

    // MARK: Solving

    private func solve(_ facts: [SMTTerm]) -> SatisfiabilityResult {
        if retainedTerms.count > memoLimit { releaseTerms() }
        let asts: [Z3_ast]
        do {
            asts = try facts.map { (t) throws(SMTError) -> Z3_ast in
                guard t.sort == .bool else { throw SMTError("a fact or claim must be boolean") }
                return try term(t)
            }
        } catch {
            return .unknown(error.message)
        }
        Z3_solver_push(z3, solver)
        defer { Z3_solver_pop(z3, solver, 1) }
        for a in asts { Z3_solver_assert(z3, solver, a) }
        statistics.solverChecks += 1
        let answer = Z3_solver_check(z3, solver)
        if answer == Z3_L_FALSE { return .unsatisfiable }
        if answer == Z3_L_TRUE { return .satisfiable(model(of: facts)) }
        let reason = Z3_solver_get_reason_unknown(z3, solver).map { String(cString: $0) } ?? "unknown"
        return .unknown("z3 gave up: \(reason)")
    }

    /// Values of all variables of `facts` in the solver's current model.
    private func model(of facts: [SMTTerm]) -> SMTModel {
        guard let m = Z3_solver_get_model(z3, solver) else { return SMTModel(values: [:]) }
        Z3_model_inc_ref(z3, m)
        defer { Z3_model_dec_ref(z3, m) }
        var seen = Set<SMTVariable>()
        var variables: [SMTVariable] = []
        for f in facts { f.collectVariables(&seen, &variables) }
        var values: [SMTVariable: Int] = [:]
        for v in variables {
            guard let constant = memo[.variable(v)] else { continue }
            var out: Z3_ast? = nil
            guard Z3_model_eval(z3, m, constant, true, &out), let out else { continue }
            Z3_inc_ref(z3, out)
            defer { Z3_dec_ref(z3, out) }
            switch v.sort {
            case .int:
                var x: Int64 = 0
                if Z3_get_numeral_int64(z3, out, &x) { values[v] = Int(x) }
            case .bool:
                values[v] = Z3_get_bool_value(z3, out) == Z3_L_TRUE ? 1 : 0
            }
        }
        return SMTModel(values: values)
    }

    private func releaseTerms() {
        for a in retainedTerms { Z3_dec_ref(z3, a) }
        memo.removeAll(keepingCapacity: true)
        retainedTerms.removeAll(keepingCapacity: true)
    }
}
