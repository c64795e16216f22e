/// Readable text of terms, in the kernel language's notation (`/` and `%`
/// are floor division and modulo), for messages and debugging.
extension SMTTerm: CustomStringConvertible {
    public var description: String { text(context: 0) }

    private func text(context: Int) -> String {
        switch node {
        case .int(let v): return v < 0 && context > 0 ? "(\(v))" : "\(v)"
        case .bool(let v): return v ? "True" : "False"
        case .variable(let v): return v.name
        case .add(let a, let b): return binary(a, "+", b, 5, context)
        case .sub(let a, let b): return binary(a, "-", b, 5, context)
        case .mul(let a, let b): return binary(a, "*", b, 6, context)
        case .floorDiv(let a, let b): return binary(a, "/", b, 6, context)
        case .floorMod(let a, let b): return binary(a, "%", b, 6, context)
        case .compare(let op, let a, let b):
            return binary(a, op == .lt ? "<" : op == .le ? "<=" : "==", b, 4, context, comparison: true)
        case .not(let a): return paren("not " + a.text(context: 3), context > 3)
        case .and(let ts): return paren(ts.map { $0.text(context: 3) }.joined(separator: " and "), context > 2)
        case .or(let ts): return paren(ts.map { $0.text(context: 2) }.joined(separator: " or "), context > 1)
        case .implies(let a, let b): return paren("\(a.text(context: 1)) implies \(b.text(context: 1))", context > 0)
        case .ite(let c, let a, let b): return paren("\(a.text(context: 1)) if \(c.text(context: 1)) else \(b.text(context: 1))", context > 0)
        }
    }

    private func binary(_ a: SMTTerm, _ op: String, _ b: SMTTerm, _ p: Int, _ context: Int, comparison: Bool = false) -> String {
        paren("\(a.text(context: comparison ? p + 1 : p)) \(op) \(b.text(context: p + 1))", context > p)
    }

    private func paren(_ s: String, _ needed: Bool) -> String { needed ? "(\(s))" : s }
}
