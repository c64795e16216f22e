/// Where each allocation of a block dies: the index of the last statement
/// of the block that mentions it (or a window defined on it). The code
/// generator frees right after that statement, so register-file memories
/// hand the register out again as early as possible.
enum Lifetimes {
    /// For each statement index of `block` holding an `alloc`, the index of its last use
    /// (nil when the allocation is never used).
    static func lastUses(in block: [Stmt]) -> [Int: Int?] {
        var out: [Int: Int?] = [:]
        var mentioned: [Set<Sym>]? = nil   // per statement, computed once on first need
        for (k, s) in block.enumerated() {
            guard case .alloc(let x, _, _) = s.node else { continue }
            if mentioned == nil { mentioned = block.map(symbols) }
            var names: Set<Sym> = [x]
            var last: Int? = nil
            for m in (k + 1)..<max(k + 1, block.count) where !mentioned![m].isDisjoint(with: names) {
                last = m
                // A window of the buffer keeps it alive as long as the window is used.
                if case .windowDef(let w, _) = block[m].node { names.insert(w) }
            }
            out[k] = last
        }
        return out
    }

    /// Every symbol a statement (with nested ones) reads, writes or windows.
    static func symbols(_ s: Stmt) -> Set<Sym> {
        var out = Set<Sym>()
        s.forEach { t in
            switch t.node {
            case .assign(let x, _, _), .reduce(let x, _, _): out.insert(x)
            case .alloc(_, let type, _): for e in type.shape { collect(e, &out) }
            default: break
            }
            for e in t.exprs { collect(e, &out) }
        }
        return out
    }

    private static func collect(_ e: Expr, _ out: inout Set<Sym>) {
        switch e.node {
        case .read(let s, let idx):
            out.insert(s)
            for i in idx { collect(i, &out) }
        case .window(let s, let acc):
            out.insert(s)
            for a in acc { for x in a.exprs { collect(x, &out) } }
        case .stride(let s, _): out.insert(s)
        case .int, .float, .bool: break
        case .unary(_, let a): collect(a, &out)
        case .binary(_, let a, let b):
            collect(a, &out)
            collect(b, &out)
        }
    }
}
