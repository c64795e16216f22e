import Schedule

/// Structural equality of procs up to a consistent renaming of symbols: the
/// independent check that reparsing printed text gives back the same proc
/// (ids differ between parses, and names may have been disambiguated).
public struct AlphaEquivalence {
    /// Whether corresponding symbols must also have the same name (only
    /// their ids may differ), as when scheduling tests compare rewritten IR
    /// with IR they build.
    private let keepingNames: Bool
    private var forward: [Sym: Sym] = [:]
    private var backward: [Sym: Sym] = [:]

    private init(keepingNames: Bool) { self.keepingNames = keepingNames }

    public static func equivalent(_ a: Proc, _ b: Proc) -> Bool {
        var m = AlphaEquivalence(keepingNames: false)
        return m.procs(a, b)
    }

    /// Two statement lists of the same shape whose symbols correspond one to
    /// one and keep their names.
    public static func equivalentKeepingNames(_ a: [Stmt], _ b: [Stmt]) -> Bool {
        var m = AlphaEquivalence(keepingNames: true)
        return m.blocks(a, b)
    }

    private mutating func bind(_ a: Sym, _ b: Sym) -> Bool {
        if keepingNames && a.name != b.name { return false }
        if let f = forward[a] { return f == b && backward[b] == a }
        if backward[b] != nil { return false }
        forward[a] = b
        backward[b] = a
        return true
    }

    private mutating func procs(_ a: Proc, _ b: Proc) -> Bool {
        guard a.name == b.name, a.instructionTemplate == b.instructionTemplate,
              a.params.count == b.params.count, a.preconditions.count == b.preconditions.count else { return false }
        for (p, q) in zip(a.params, b.params) where !bind(p.name, q.name) { return false }
        for (p, q) in zip(a.params, b.params) {
            guard (p.memory ?? .dram) == (q.memory ?? .dram) || !p.type.isData, types(p.type, q.type) else { return false }
        }
        for (x, y) in zip(a.preconditions, b.preconditions) where !exprs(x, y) { return false }
        return blocks(a.body, b.body)
    }

    private mutating func types(_ a: DataType, _ b: DataType) -> Bool {
        switch (a, b) {
        case (.tensor(let e1, let s1, let w1), .tensor(let e2, let s2, let w2)):
            return e1 == e2 && w1 == w2 && s1.count == s2.count && zip(s1, s2).allSatisfy { exprs($0, $1) }
        default:
            return a == b
        }
    }

    private mutating func blocks(_ a: [Stmt], _ b: [Stmt]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { stmts($0, $1) }
    }

    private mutating func stmts(_ a: Stmt, _ b: Stmt) -> Bool {
        switch (a.node, b.node) {
        case (.assign(let x, let i, let r), .assign(let y, let j, let s)),
             (.reduce(let x, let i, let r), .reduce(let y, let j, let s)):
            return bind(x, y) && i.count == j.count && zip(i, j).allSatisfy { exprs($0, $1) } && exprs(r, s)
        case (.pass, .pass):
            return true
        case (.ifElse(let c, let t, let e), .ifElse(let d, let u, let f)):
            return exprs(c, d) && blocks(t, u) && blocks(e, f)
        case (.loop(let i, let lo, let hi, let body), .loop(let j, let lo2, let hi2, let body2)):
            return exprs(lo, lo2) && exprs(hi, hi2) && bind(i, j) && blocks(body, body2)
        case (.alloc(let x, let t, let m), .alloc(let y, let u, let n)):
            return m == n && types(t, u) && bind(x, y)
        case (.call(let p, let args), .call(let q, let args2)):
            return p.name == q.name && args.count == args2.count && zip(args, args2).allSatisfy { exprs($0, $1) }
        case (.windowDef(let x, let e), .windowDef(let y, let f)):
            return exprs(e, f) && bind(x, y)
        default:
            return false
        }
    }

    private mutating func exprs(_ a: Expr, _ b: Expr) -> Bool {
        switch (a.node, b.node) {
        case (.read(let x, let i), .read(let y, let j)):
            return bind(x, y) && i.count == j.count && zip(i, j).allSatisfy { exprs($0, $1) }
        case (.int(let x), .int(let y)): return x == y
        case (.float(let x), .float(let y)): return x == y
        case (.bool(let x), .bool(let y)): return x == y
        case (.unary(let o, let x), .unary(let p, let y)): return o == p && exprs(x, y)
        case (.binary(let o, let x, let y), .binary(let p, let u, let v)): return o == p && exprs(x, u) && exprs(y, v)
        case (.window(let x, let acc), .window(let y, let acc2)):
            guard bind(x, y), acc.count == acc2.count else { return false }
            for (p, q) in zip(acc, acc2) {
                switch (p, q) {
                case (.point(let e), .point(let f)): if !exprs(e, f) { return false }
                case (.interval(let l, let h), .interval(let l2, let h2)): if !(exprs(l, l2) && exprs(h, h2)) { return false }
                default: return false
                }
            }
            return true
        case (.stride(let x, let d), .stride(let y, let e)): return d == e && bind(x, y)
        default: return false
        }
    }
}
