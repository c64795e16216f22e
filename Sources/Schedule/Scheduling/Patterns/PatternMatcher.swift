/// Finds the places in a proc matching a pattern, in Exo's order: a
/// pre-order walk where, at each position of a block, a match starting at
/// that statement comes before matches inside it and after it.
struct PatternMatcher {
    let body: [Stmt]

    func find(_ query: PatternQuery) -> [Place] {
        var results: [Place] = []
        var remaining = query.matchNumber
        // Returns true to stop the search once the requested match is found.
        func add(_ p: Place) -> Bool {
            guard let n = remaining else { results.append(p); return false }
            if n == 0 { results.append(p); return true }
            remaining = n - 1
            return false
        }
        switch query.pattern {
        case .stmts(let pats):
            _ = findStmts(pats, in: body, owner: [], block: 0, from: 0, add)
        case .expr(let pat):
            _ = findExprs(pat, in: body, owner: [], block: 0, add)
        }
        return results
    }

    // MARK: statements

    private func findStmts(_ pats: [PatternStmt], in block: [Stmt], owner: [TreeStep], block b: Int,
                           from start: Int, _ add: (Place) -> Bool) -> Bool {
        var k = start
        while k < block.count {
            if let n = matchStmts(pats, Array(block[k...])) {
                let place: Place = n == 1
                    ? .node(owner + [TreeStep(block: b, index: k)])
                    : .block(owner: owner, block: b, k..<k + n)
                if add(place) { return true }
            }
            let here = owner + [TreeStep(block: b, index: k)]
            for (j, inner) in block[k].blocks.enumerated() where !inner.isEmpty {
                if findStmts(pats, in: inner, owner: here, block: j, from: 0, add) { return true }
            }
            k += 1
        }
        return false
    }

    /// Matches a prefix of `stmts`; returns its length.
    func matchStmts(_ pats: [PatternStmt], _ stmts: [Stmt]) -> Int? {
        var i = 0, j = 0
        while i < pats.count && j < stmts.count {
            if pats[i] == .hole {
                if i + 1 == pats.count { return stmts.count }
                if matchStmt(pats[i + 1], stmts[j]) { i += 2 }
            } else if matchStmt(pats[i], stmts[j]) {
                i += 1
            } else {
                return nil
            }
            j += 1
        }
        if i == pats.count - 1 && pats[i] == .hole { return j }
        return i == pats.count ? j : nil
    }

    func matchStmt(_ pat: PatternStmt, _ s: Stmt) -> Bool {
        switch (pat, s.node) {
        case (.assign(let n, let pidx, let prhs), .assign(let x, let idx, let rhs)),
             (.reduce(let n, let pidx, let prhs), .reduce(let x, let idx, let rhs)):
            return Self.name(n, x.name) && zipMatch(pidx, idx) && matchExpr(prhs, rhs)
        case (.assign(let n, let pidx, let prhs), .windowDef(let x, let rhs)):
            return Self.name(n, x.name) && pidx.isEmpty && matchExpr(prhs, rhs)
        case (.pass, .pass):
            return true
        case (.loop(let n, let plo, let phi, let pbody), .loop(let i, let lo, let hi, let body)):
            return Self.name(n, i.name) && (plo.map { matchExpr($0, lo) } ?? true) && matchExpr(phi, hi)
                && matchStmts(pbody, body) != nil
        case (.ifElse(let pc, let pb, let po), .ifElse(let c, let b, let o)):
            return matchExpr(pc, c) && matchStmts(pb, b) != nil && (po.isEmpty || matchStmts(po, o) != nil)
        case (.alloc(let n, let sizes), .alloc(let x, let t, _)):
            return Self.name(n, x.name) && zipMatch(sizes, t.shape)
        case (.call(let n), .call(let p, _)):
            return Self.name(n, p.name)
        default:
            return false
        }
    }

    // MARK: expressions

    private func findExprs(_ pat: PatternExpr, in block: [Stmt], owner: [TreeStep], block b: Int,
                           _ add: (Place) -> Bool) -> Bool {
        for (k, s) in block.enumerated() {
            let path = owner + [TreeStep(block: b, index: k)]
            var exprs = s.exprs
            if case .alloc(_, let t, _) = s.node { exprs = t.shape }
            for (j, e) in exprs.enumerated() {
                if findExpr(pat, e, path: [j], stmt: path, add) { return true }
            }
            for (j, inner) in s.blocks.enumerated() {
                if findExprs(pat, in: inner, owner: path, block: j, add) { return true }
            }
        }
        return false
    }

    private func findExpr(_ pat: PatternExpr, _ e: Expr, path: [Int], stmt: [TreeStep], _ add: (Place) -> Bool) -> Bool {
        if matchExpr(pat, e) {
            var p = Place.node(stmt)
            p.kind = .expression
            p.exprPath = path
            if add(p) { return true }
        }
        for (k, c) in e.children.enumerated() {
            if findExpr(pat, c, path: path + [k], stmt: stmt, add) { return true }
        }
        return false
    }

    func matchExpr(_ pat: PatternExpr, _ e: Expr) -> Bool {
        switch (pat, e.node) {
        case (.hole, _): return true
        case (.read(let n, let pidx), .read(let x, let idx)):
            return Self.name(n, x.name) && zipMatch(pidx, idx)
        case (.read(let n, let pidx), .window(let x, _)):
            // `x[_]` names a window of x, as in Exo.
            return Self.name(n, x.name) && (pidx.isEmpty || pidx == [.hole])
        case (.window(let n, let pacc), .window(let x, let acc)):
            guard Self.name(n, x.name) else { return false }
            return zip(pacc, acc).allSatisfy { pa, a in
                switch (pa, a) {
                case (.point(let p), .point(let v)): matchExpr(p, v)
                case (.interval(let pl, let ph), .interval(let l, let h)): matchExpr(pl, l) && matchExpr(ph, h)
                default: false
                }
            }
        case (.int(let v), .int(let w)): return v == w
        case (.float(let v), .float(let w)): return v == w
        case (.bool(let v), .bool(let w)): return v == w
        case (.unary(let op, let pa), .unary(let o, let a)): return op == o && matchExpr(pa, a)
        case (.binary(let op, let pa, let pb), .binary(let o, let a, let b)):
            return op == o && matchExpr(pa, a) && matchExpr(pb, b)
        case (.builtin("stride", let args), .stride(let x, let d)):
            guard args.count == 2 else { return false }
            return matchExpr(args[0], .variable(x)) && matchExpr(args[1], .int(d))
        default: return false
        }
    }

    private func zipMatch(_ pats: [PatternExpr], _ es: [Expr]) -> Bool {
        zip(pats, es).allSatisfy { matchExpr($0, $1) }
    }

    static func name(_ pat: String, _ name: String) -> Bool { pat == "_" || pat == name }
}
