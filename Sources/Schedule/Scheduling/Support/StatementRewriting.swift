/// Substitution, renaming and copying of statements, shared by the rewrites.
extension Stmt {
    /// Replaces reads of scalar control variables everywhere inside.
    func substituting(_ map: [Sym: Expr]) -> Stmt {
        map.isEmpty ? self : mappingExprs { $0.substituting(map) }
    }

    /// Renames symbols everywhere: in expressions and as written or bound names.
    func renaming(_ map: [Sym: Sym]) -> Stmt {
        if map.isEmpty { return self }
        var s = mappingOwnExprs { $0.renaming(map) }
        func r(_ x: Sym) -> Sym { map[x] ?? x }
        switch s.node {
        case .assign(let x, let idx, let rhs): s.node = .assign(r(x), idx, rhs)
        case .reduce(let x, let idx, let rhs): s.node = .reduce(r(x), idx, rhs)
        case .alloc(let x, let t, let m): s.node = .alloc(r(x), t, m)
        case .windowDef(let x, let e): s.node = .windowDef(r(x), e)
        case .loop(let i, let lo, let hi, let body): s.node = .loop(r(i), lo, hi, body.map { $0.renaming(map) })
        case .ifElse(let c, let b, let o): s.node = .ifElse(c, b.map { $0.renaming(map) }, o.map { $0.renaming(map) })
        case .pass, .call: break
        }
        return s
    }

    /// Symbols bound inside this statement (loop variables, allocations, windows).
    var boundSymbols: [Sym] {
        var out: [Sym] = []
        forEach { s in
            switch s.node {
            case .loop(let i, _, _, _): out.append(i)
            case .alloc(let x, _, _), .windowDef(let x, _): out.append(x)
            default: break
            }
        }
        return out
    }

    /// True when the statement (or anything inside it) mentions `x`.
    func mentions(_ x: Sym) -> Bool {
        var found = false
        forEach { s in
            if found { return }
            if case .alloc(let a, let t, _) = s.node {
                if a == x || t.shape.contains(where: { $0.symbols.contains(x) }) { found = true }
                return
            }
            if s.definedOrWrittenSymbol == x { found = true; return }
            if s.exprs.contains(where: { $0.symbols.contains(x) }) { found = true }
        }
        return found
    }
}

extension Array where Element == Stmt {
    /// A copy whose bound symbols are fresh, so it can sit next to the original.
    func freshened() -> [Stmt] {
        var map: [Sym: Sym] = [:]
        for s in self { for b in s.boundSymbols { map[b] = b.fresh() } }
        return map.isEmpty ? self : self.map { $0.renaming(map) }
    }

    func substituting(_ map: [Sym: Expr]) -> [Stmt] { map.isEmpty ? self : self.map { $0.substituting(map) } }

    func mentions(_ x: Sym) -> Bool { contains { $0.mentions(x) } }
}
