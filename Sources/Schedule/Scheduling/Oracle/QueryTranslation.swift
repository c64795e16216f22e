/// A `ProofQuery` in the solver's terms: the claim and the facts as
/// `SMTTerm`s, each query symbol bound to a solver variable of its own.
///
/// Every symbol with a control type in `variableTypes` (index, size, bool)
/// becomes a variable; `stride(x, d)` becomes an opaque integer per (x, d),
/// as the query language promises. Anything else (a data read, a float, an
/// untyped name) cannot be translated: such a fact is dropped, which only
/// weakens the assumptions (a proof stays sound; a counterexample may then
/// violate the dropped fact, so it is reported as unknown), and such a claim
/// makes the whole query unknown.
struct QueryTranslation {
    var claim: SMTTerm
    var facts: [SMTTerm]
    /// Facts that could not be translated, with the reason (for messages).
    var droppedFacts: [(Expr, String)] = []
    /// The query's symbols and the solver variables standing for them.
    var variables: [(Sym, SMTVariable)] = []

    enum Failure: Error { case claim(String) }

    init(_ query: ProofQuery) throws(Failure) {
        var scope = Assumptions()
        var strides: [Sym: Int] = [:]
        for e in [query.claim] + query.facts { Self.collectStrides(e, into: &strides) }
        for (tensor, maxDim) in strides {
            let vars = (0...maxDim).map { d in
                SMTTerm.variable(SMTVariable(name: "stride(\(tensor.name), \(d))", identity: .stride(tensor.id, d), sort: .int))
            }
            scope.bind(tensor: tensor, SMTTensor(shape: vars.map { _ in SMTTerm.int(0) }, strides: vars))
        }
        var sizeFacts: [SMTTerm] = []
        for (sym, type) in query.variableTypes {
            let variable: SMTVariable
            switch type {
            case .index: variable = SMTVariable(sym)
            case .size:
                variable = SMTVariable(sym)
                sizeFacts.append(.le(.int(0), .variable(variable)))
            case .bool: variable = SMTVariable(sym, sort: .bool)
            case .scalar, .tensor: continue
            }
            scope.bind(sym, to: .variable(variable))
            variables.append((sym, variable))
        }
        do {
            claim = try scope.condition(query.claim)
        } catch {
            throw .claim(error.message)
        }
        facts = sizeFacts
        for f in query.facts {
            do {
                facts.append(try scope.condition(f))
            } catch {
                droppedFacts.append((f, error.message))
            }
        }
    }

    /// The largest dimension `d` of each `stride(x, d)` in `e`.
    private static func collectStrides(_ e: Expr, into out: inout [Sym: Int]) {
        if case .stride(let x, let d) = e.node, d >= 0 { out[x] = max(out[x] ?? 0, d) }
        for c in e.children { collectStrides(c, into: &out) }
    }

    /// A solver model as values of the query's symbols (booleans as 0/1).
    func counterexample(_ model: SMTModel) -> [Sym: Int] {
        var out: [Sym: Int] = [:]
        for (sym, variable) in variables {
            if let value = model[variable] { out[sym] = value }
        }
        return out
    }
}
