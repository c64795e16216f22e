/// Short kernel-syntax renderings of expressions for diagnostics. (The full
/// printer lives in Printer/; messages only need something a user recognises.)
enum MessageText {
    static func expr(_ e: Expr) -> String { render(e, 0) }

    private static func render(_ e: Expr, _ outer: Int) -> String {
        switch e.node {
        case .read(let s, let idx):
            return idx.isEmpty ? s.name : "\(s.name)[\(idx.map { render($0, 0) }.joined(separator: ", "))]"
        case .int(let v): return String(v)
        case .float(let v): return String(v)
        case .bool(let b): return b ? "True" : "False"
        case .unary(let op, let a):
            return op == .neg ? "-" + render(a, 7) : "not " + render(a, 3)
        case .binary(let op, let a, let b):
            let p = op.precedence
            let text = "\(render(a, p)) \(op.rawValue) \(render(b, p + 1))"
            return p < outer ? "(\(text))" : text
        case .window(let s, let acc):
            let parts = acc.map { a -> String in
                switch a {
                case .point(let p): render(p, 0)
                case .interval(let lo, let hi): "\(render(lo, 0)):\(render(hi, 0))"
                }
            }
            return "\(s.name)[\(parts.joined(separator: ", "))]"
        case .stride(let s, let d): return "stride(\(s.name), \(d))"
        }
    }
}
