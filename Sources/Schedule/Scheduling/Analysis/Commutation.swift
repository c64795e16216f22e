/// Proves that two pieces of code can run in either order: no location
/// written by one is read or written by the other (two reductions of the
/// same location commute, as in Exo). Each conflicting pair of accesses
/// becomes one disjointness claim for the oracle:
/// `idx1[0] != idx2[0] or idx1[1] != idx2[1] or ...` for all values of the
/// loop variables in their ranges, under the context's facts.
struct Commutation {
    let oracle: any SoundnessOracle
    let context: ProgramContext
    /// Additional facts (e.g. `i < i'` between two iterations) and the types of their variables.
    var extraFacts: [Expr] = []
    var extraTypes: [Sym: DataType] = [:]

    /// Throws a schedule error naming `rewrite` when some pair may conflict.
    func check(_ a: Effects, _ b: Effects, rewrite: String, condition: String, at stmt: Stmt) throws {
        if let details = conflict(a, b) {
            throw ScheduleFailure.error(rewrite, condition, at: stmt, in: context.proc, details: details)
        }
    }

    /// nil when every pair commutes; otherwise the first conflicting pair and why, as message lines.
    func conflict(_ a: Effects, _ b: Effects) -> [String]? {
        for x in a.accesses {
            for y in b.accesses where y.buffer == x.buffer {
                if x.kind == .read && y.kind == .read { continue }
                if x.kind == .reduce && y.kind == .reduce { continue }
                if let failure = disjoint(x, y) {
                    return [
                        "conflicting accesses:",
                        "  \(x.kind.rawValue) \(x.location) in `\(StatementText.headline(x.origin))`",
                        "  \(y.kind.rawValue) \(y.location) in `\(StatementText.headline(y.origin))`",
                        failure,
                    ]
                }
            }
        }
        return nil
    }

    /// nil when the two accesses provably never touch the same element; otherwise why not.
    func disjoint(_ x0: Access, _ y0: Access) -> String? {
        let (x, xs) = x0.freshened()
        let (y, ys) = y0.freshened()
        guard let xi = x.index, let yi = y.index, xi.count == yi.count else {
            return "cannot locate the accessed elements precisely"
        }
        if xi.isEmpty { return "both access the same scalar" }
        var claim: Expr? = nil
        for (p, q) in zip(xi, yi) {
            let ne = Expr(.binary(.ne, p, q))
            claim = claim.map { Expr(.binary(.or, $0, ne)) } ?? ne
        }
        var types = context.controlTypes.merging(extraTypes) { a, _ in a }
        for s in xs + ys { types[s] = .index }
        let query = ProofQuery(claim: claim!, facts: context.facts + extraFacts + x.facts + y.facts,
                               variableTypes: types, purpose: "the accesses are disjoint")
        switch oracle.prove(query) {
        case .proved: return nil
        case .refuted(let all):
            let cex = all.filter { query.claim.symbols.contains($0.key) }
            return cex.isEmpty ? "they always overlap" : "they overlap, e.g. when \(SyntacticOracle.describe(cex))"
        case .unknown(let reason): return "cannot prove they are disjoint: \(reason)"
        }
    }
}
