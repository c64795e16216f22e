/// A small Exo-style text rendering of statements and expressions, used in
/// scheduling error messages (the real printer lives in Printer/ and may
/// replace this once it lands).
enum StatementText {
    static func expr(_ e: Expr) -> String { render(e, parent: 0) }

    private static func render(_ e: Expr, parent: Int) -> String {
        switch e.node {
        case .read(let s, let idx):
            return idx.isEmpty ? s.name : "\(s.name)[\(idx.map(expr).joined(separator: ", "))]"
        case .int(let v): return v < 0 && parent > 0 ? "(\(v))" : "\(v)"
        case .float(let v): return "\(v)"
        case .bool(let b): return b ? "True" : "False"
        case .unary(.neg, let a): return "-" + render(a, parent: 7)
        case .unary(.not, let a):
            let text = "not " + render(a, parent: 3)
            return parent > 3 ? "(\(text))" : text
        case .binary(let op, let a, let b):
            let p = op.precedence
            // Left-associative: the right operand needs parentheses at equal precedence.
            let text = "\(render(a, parent: p)) \(op.rawValue) \(render(b, parent: p + 1))"
            return p < parent ? "(\(text))" : text
        case .window(let s, let acc):
            let parts = acc.map { a -> String in
                switch a {
                case .point(let e): expr(e)
                case .interval(let lo, let hi): "\(expr(lo)):\(expr(hi))"
                }
            }
            return "\(s.name)[\(parts.joined(separator: ", "))]"
        case .stride(let s, let d): return "stride(\(s.name), \(d))"
        }
    }

    static func type(_ t: DataType) -> String {
        switch t {
        case .index: "index"
        case .size: "size"
        case .bool: "bool"
        case .scalar(let s): s.rawValue
        case .tensor(let s, let shape, let w):
            w ? "[\(s.rawValue)][\(shape.map(expr).joined(separator: ", "))]"
              : "\(s.rawValue)[\(shape.map(expr).joined(separator: ", "))]"
        }
    }

    static func stmts(_ ss: [Stmt], indent: Int = 0) -> String {
        ss.map { stmt($0, indent: indent) }.joined(separator: "\n")
    }

    static func stmt(_ s: Stmt, indent: Int = 0) -> String {
        let pad = String(repeating: "    ", count: indent)
        func lhs(_ x: Sym, _ idx: [Expr]) -> String {
            idx.isEmpty ? x.name : "\(x.name)[\(idx.map(expr).joined(separator: ", "))]"
        }
        switch s.node {
        case .assign(let x, let idx, let rhs): return pad + "\(lhs(x, idx)) = \(expr(rhs))"
        case .reduce(let x, let idx, let rhs): return pad + "\(lhs(x, idx)) += \(expr(rhs))"
        case .pass: return pad + "pass"
        case .ifElse(let c, let body, let orelse):
            var out = pad + "if \(expr(c)):\n" + stmts(body, indent: indent + 1)
            if !orelse.isEmpty { out += "\n" + pad + "else:\n" + stmts(orelse, indent: indent + 1) }
            return out
        case .loop(let i, let lo, let hi, let body):
            return pad + "for \(i.name) in seq(\(expr(lo)), \(expr(hi))):\n" + stmts(body, indent: indent + 1)
        case .alloc(let x, let t, let m): return pad + "\(x.name): \(type(t)) @ \(m)"
        case .call(let p, let args): return pad + "\(p.name)(\(args.map(expr).joined(separator: ", ")))"
        case .windowDef(let x, let e): return pad + "\(x.name) = \(expr(e))"
        }
    }

    /// The first line of a statement (its header for loops and ifs).
    static func headline(_ s: Stmt) -> String {
        stmt(s).split(separator: "\n", maxSplits: 1).first.map(String.init) ?? ""
    }

    static func proc(_ p: Proc) -> String {
        let params = p.params.map { prm -> String in
            var t = "\(prm.name.name): \(type(prm.type))"
            if let m = prm.memory { t += " @ \(m)" }
            return t
        }
        var lines = ["def \(p.name)(\(params.joined(separator: ", "))):"]
        for a in p.preconditions { lines.append("    assert \(expr(a))") }
        lines.append(stmts(p.body.isEmpty ? [Stmt(.pass)] : p.body, indent: 1))
        return lines.joined(separator: "\n")
    }
}
