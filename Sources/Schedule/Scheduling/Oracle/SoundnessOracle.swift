/// The one question every rewrite's soundness check reduces to: does `claim`
/// hold for every integer (and boolean) value of its free variables that
/// satisfies all `facts`?
///
/// Expressions use the IR's control language only: integer literals, reads
/// of scalar control variables (`.read(sym, [])`: loop variables, sizes,
/// index arguments, or fresh copies of them made by the rewrite), `+ - *`,
/// `/` and `%` with floor semantics (Exo's, Python's), comparisons, `and`,
/// `or`, `not`, boolean literals, and `stride(x, d)` treated as an opaque
/// integer. `variableTypes` gives each free variable's type (`.index`,
/// `.size` or `.bool`); the facts already state `n >= 0` for sizes.
public struct ProofQuery: Sendable, Hashable {
    public var claim: Expr
    public var facts: [Expr]
    public var variableTypes: [Sym: DataType]
    /// What the rewrite is trying to establish, for messages ("iterations commute").
    public var purpose: String

    public init(claim: Expr, facts: [Expr], variableTypes: [Sym: DataType] = [:], purpose: String = "") {
        self.claim = claim
        self.facts = facts
        self.variableTypes = variableTypes
        self.purpose = purpose
    }
}

public enum OracleResult: Sendable, Equatable {
    /// The claim holds under the facts.
    case proved
    /// The claim fails for these values (which satisfy every fact).
    case refuted(counterexample: [Sym: Int])
    /// Neither proved nor refuted; rewrites treat this as a refusal.
    case unknown(reason: String)

    public var isProved: Bool { self == .proved }
}

/// Decides the soundness questions of the scheduling rewrites. Implementations
/// must never answer `.proved` for a claim they have not established: a
/// rewrite applies only on `.proved`.
public protocol SoundnessOracle: Sendable {
    func prove(_ query: ProofQuery) -> OracleResult
}

extension SoundnessOracle {
    public func prove(_ claim: Expr, assuming facts: [Expr], variableTypes: [Sym: DataType] = [:],
                      purpose: String = "") -> OracleResult {
        prove(ProofQuery(claim: claim, facts: facts, variableTypes: variableTypes, purpose: purpose))
    }
}
