/// Expressions in Exo's surface syntax with the fewest parentheses the
/// grammar allows: a subexpression is wrapped only when it binds more loosely
/// than its position requires (left operands at the operator's precedence,
/// right operands one higher, since operators associate to the left;
/// comparisons do not chain, so both sides need more).
struct ExprPrinter {
    var names: (Sym) -> String

    // Binding strengths; BinaryOp.precedence covers the binary operators.
    static let notPrecedence = 3
    static let negPrecedence = 7
    static let atomPrecedence = 8

    func text(_ e: Expr) -> String { text(e, context: 0) }

    private func text(_ e: Expr, context: Int) -> String {
        let (s, prec) = render(e)
        return prec < context ? "(\(s))" : s
    }

    private func render(_ e: Expr) -> (String, Int) {
        switch e.node {
        case .int(let v):
            // A negative literal reads back as one token pair '-' '3', folded by the parser.
            return ("\(v)", v < 0 ? Self.negPrecedence : Self.atomPrecedence)
        case .float(let v):
            return (Self.floatText(v), v < 0 || (v == 0 && v.sign == .minus) ? Self.negPrecedence : Self.atomPrecedence)
        case .bool(let b):
            return (b ? "True" : "False", Self.atomPrecedence)
        case .read(let s, let idx):
            if idx.isEmpty { return (names(s), Self.atomPrecedence) }
            return ("\(names(s))[\(idx.map(text).joined(separator: ", "))]", Self.atomPrecedence)
        case .window(let s, let accesses):
            let parts = accesses.map { a -> String in
                switch a {
                case .point(let p): text(p)
                case .interval(let lo, let hi): "\(text(lo)):\(text(hi))"
                }
            }
            return ("\(names(s))[\(parts.joined(separator: ", "))]", Self.atomPrecedence)
        case .stride(let s, let d):
            return ("stride(\(names(s)), \(d))", Self.atomPrecedence)
        case .unary(.neg, let a):
            return ("-" + text(a, context: Self.negPrecedence), Self.negPrecedence)
        case .unary(.not, let a):
            return ("not " + text(a, context: Self.notPrecedence), Self.notPrecedence)
        case .binary(let op, let a, let b):
            let p = op.precedence
            let left = text(a, context: op.isComparison ? p + 1 : p)
            let right = text(b, context: p + 1)
            return ("\(left) \(op.rawValue) \(right)", p)
        }
    }

    /// Python-style float text that the lexer reads back as a float: always
    /// with a '.' or an exponent (Swift's description gives "1.0", "1e-05").
    static func floatText(_ v: Double) -> String {
        if v.isNaN { return "nan" }
        if v.isInfinite { return v < 0 ? "-inf" : "inf" }
        let s = "\(v)"
        return s.contains(".") || s.contains("e") ? s : s + ".0"
    }
}
