/// The default oracle of `Procedure`: the syntactic oracle first (constant
/// folding, affine forms, small enumerations: microseconds), z3 for what it
/// leaves open. The syntactic oracle's answers are exact when given (it only
/// proves what it has established and only refutes with a point it has
/// evaluated against every fact), so its `.proved` and `.refuted` stand;
/// its `.unknown` goes to z3. Its enumeration limit is kept small: past a
/// few hundred points z3 is the faster of the two.
public struct TieredOracle: SoundnessOracle {
    public let syntactic: SyntacticOracle
    public let solver: any SoundnessOracle

    public init(syntactic: SyntacticOracle = SyntacticOracle(enumerationLimit: 512),
                solver: any SoundnessOracle = Z3Oracle()) {
        self.syntactic = syntactic
        self.solver = solver
    }

    public func prove(_ query: ProofQuery) -> OracleResult {
        switch syntactic.prove(query) {
        case .proved: return .proved
        case .refuted(let cex): return .refuted(counterexample: cex)
        case .unknown: return solver.prove(query)
        }
    }

    /// One oracle shared by every `Procedure` made without an explicit one,
    /// so the solver's contexts and caches are shared too.
    public static let shared = TieredOracle()
}
