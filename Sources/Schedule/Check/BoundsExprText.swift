/// Exo-style text of expressions for bounds messages (`data[c, j + r]`),
/// parenthesised by Python precedence. Kept local to the bounds checker so it
/// does not depend on the full printer.
enum BoundsExprText {
    static func text(_ e: Expr) -> String { text(e, context: 0) }

    /// `context`: precedence of the enclosing operator (0 = none).
    private static func text(_ e: Expr, context: Int) -> String {
        switch e.node {
        case .read(let s, let idx):
            return idx.isEmpty ? s.name : "\(s.name)[\(idx.map(text).joined(separator: ", "))]"
        case .int(let v):
            return v < 0 && context > 0 ? "(\(v))" : "\(v)"
        case .float(let v):
            return "\(v)"
        case .bool(let v):
            return v ? "True" : "False"
        case .window(let s, let accesses):
            return "\(s.name)[\(accesses.map(text).joined(separator: ", "))]"
        case .stride(let s, let d):
            return "stride(\(s.name), \(d))"
        case .unary(.neg, let a):
            return wrap("-" + text(a, context: 7), if: context > 6)
        case .unary(.not, let a):
            return wrap("not " + text(a, context: 3), if: context > 3)
        case .binary(let op, let a, let b):
            let p = op.precedence
            // Left-associative: a right operand of equal precedence needs parentheses.
            let left = text(a, context: op.isComparison ? p + 1 : p)
            let right = text(b, context: p + 1)
            return wrap("\(left) \(op.rawValue) \(right)", if: context > p)
        }
    }

    static func text(_ a: WindowAccess) -> String {
        switch a {
        case .point(let e): text(e)
        case .interval(let lo, let hi): "\(text(lo)):\(text(hi))"
        }
    }

    private static func wrap(_ s: String, if needed: Bool) -> String { needed ? "(\(s))" : s }
}
