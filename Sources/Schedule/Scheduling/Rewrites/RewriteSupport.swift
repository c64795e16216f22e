/// Shared pieces of the rewrites: proof obligations and small IR helpers.
extension Procedure {
    /// Asks the oracle for `claim` under the context's facts; throws a
    /// schedule error naming `rewrite` and `condition` unless it is proved.
    func require(_ claim: Expr, in ctx: ProgramContext, extraFacts: [Expr] = [], extraTypes: [Sym: DataType] = [:],
                 _ rewrite: String, _ condition: String, at stmt: Stmt) throws {
        if let details = unproved(claim, ctx, extraFacts, extraTypes, condition) {
            throw failure(rewrite, condition, at: stmt, details: details)
        }
    }

    /// The same, the failure showing the statements at `place`.
    func require(_ claim: Expr, in ctx: ProgramContext, extraFacts: [Expr] = [], extraTypes: [Sym: DataType] = [:],
                 _ rewrite: String, _ condition: String, at place: Place) throws {
        if let details = unproved(claim, ctx, extraFacts, extraTypes, condition) {
            throw failure(rewrite, condition, at: place, details: details)
        }
    }

    /// nil when the oracle proves `claim`; otherwise why not (a counterexample or the oracle's reason).
    private func unproved(_ claim: Expr, _ ctx: ProgramContext, _ extraFacts: [Expr], _ extraTypes: [Sym: DataType],
                          _ condition: String) -> [String]? {
        let query = ProofQuery(claim: claim, facts: ctx.facts + extraFacts,
                               variableTypes: ctx.controlTypes.merging(extraTypes) { a, _ in a },
                               purpose: condition)
        switch oracle.prove(query) {
        case .proved:
            return nil
        case .refuted(let cex):
            // Only the claim's own variables: values of unrelated loop variables are noise.
            let shown = cex.filter { claim.symbols.contains($0.key) }
            let when = shown.isEmpty ? "is false" : "fails when \(SyntacticOracle.describe(shown))"
            return ["`\(StatementText.expr(claim))` \(when)"]
        case .unknown(let reason):
            return [reason]
        }
    }

    /// The loop at a cursor: its place, statement and parts.
    func loop(at c: Cursor, _ rewrite: String) throws -> (Place, Stmt, Sym, Expr, Expr, [Stmt]) {
        let place = try resolve(c, rewrite, as: [.statement])
        let s = try stmt(at: place, rewrite)
        guard case .loop(let i, let lo, let hi, let body) = s.node else {
            throw failure(rewrite, "expected a loop", at: s)
        }
        return (place, s, i, lo, hi, body)
    }

    /// Parses an expression argument given as text, in the scope of `place`.
    func expression(_ text: String, at place: Place, _ rewrite: String) throws -> Expr {
        try ProgramContext(ir, at: place).parse(text, for: rewrite)
    }
}

/// An expression argument of a rewrite: text resolved in the scope of the
/// cursor (`"n / 2"`), an integer, or an IR expression.
public enum ExprArgument: Sendable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    case text(String)
    case expr(Expr)

    public init(stringLiteral value: String) { self = .text(value) }
    public init(integerLiteral value: Int) { self = .expr(.int(value)) }

    func resolve(in ctx: ProgramContext, _ rewrite: String) throws -> Expr {
        switch self {
        case .text(let t): try ctx.parse(t, for: rewrite)
        case .expr(let e): e
        }
    }
}

extension Array where Element == Stmt {
    /// A block may not be empty in the IR: an emptied block holds `pass`.
    var orPass: [Stmt] { isEmpty ? [Stmt(.pass)] : self }
}
