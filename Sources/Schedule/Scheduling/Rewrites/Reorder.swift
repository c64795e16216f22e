extension Procedure {
    /// `reorder_stmts(p, block)`: swaps two adjacent statements (a block
    /// cursor of two, or the two statements) when they commute.
    public func reorderStmts(_ block: Cursor) throws -> Procedure {
        let rw = "reorderStmts"
        let place = try resolve(block, rw, as: [.block, .statement])
        let first: Place
        if place.kind == .block {
            guard place.hi - place.lo == 2 else {
                throw KernelError(.schedule, "\(rw): expected a block of two statements, got \(place.hi - place.lo)")
            }
            first = .node(place.owner + [TreeStep(block: place.block, index: place.lo)])
        } else {
            first = place
        }
        return try swapWithNext(first, rw)
    }

    /// Swaps `first` with the statement right after it.
    public func reorderStmts(_ first: Cursor, _ second: Cursor) throws -> Procedure {
        let rw = "reorderStmts"
        let a = try resolve(first, rw, as: [.statement]), b = try resolve(second, rw, as: [.statement])
        guard a.owner == b.owner, a.block == b.block, b.lo == a.lo + 1 else {
            throw KernelError(.schedule, "\(rw): the second statement must directly follow the first")
        }
        return try swapWithNext(a, rw)
    }

    private func swapWithNext(_ a: Place, _ rw: String) throws -> Procedure {
        let block = StatementTree.block(ir.body, owner: a.owner, block: a.block) ?? []
        guard a.lo + 1 < block.count else {
            throw KernelError(.schedule, "\(rw): no statement follows `\(StatementText.headline(block[a.lo]))`")
        }
        let s1 = block[a.lo], s2 = block[a.lo + 1]
        if let x = s1.bindsName, s2.mentions(x) {
            throw failure(rw, "the second statement uses \(x.name), which the first defines", at: s1)
        }
        let ctx = ProgramContext(ir, at: a)
        try Commutation(oracle: oracle, context: ctx)
            .check(Effects.of([s1], in: ir), Effects.of([s2], in: ir), rewrite: rw,
                   condition: "the statements do not commute", at: s1)
        let body = StatementTree.replacing(ir.body, owner: a.owner, block: a.block, range: a.lo..<a.lo + 2, with: [s2, s1])
        let p1 = a.stmtPath, p2 = a.owner + [TreeStep(block: a.block, index: a.lo + 1)]
        let forward = Forward.replacing(owner: a.owner, block: a.block, range: a.lo..<a.lo + 2, newCount: 2,
                                        inside: Forward.firstOf([
                                            Forward.node(p1, to: p2), Forward.node(p2, to: p1),
                                            { $0.rerooted(from: p1, to: p2) }, { $0.rerooted(from: p2, to: p1) },
                                        ]))
        return derived(rw, body: body, forward, arguments: [argument(a)])
    }

    /// `reorder_loops(p, loop)`: `for i: for j: body` becomes `for j: for i: body`.
    /// The outer loop's body must be exactly the inner loop, whose bounds may
    /// not depend on `i`; iterations (i, j) and (i', j') with i < i' and
    /// j' < j change order, so their bodies must commute. Cursors on either
    /// loop follow that loop.
    public func reorderLoops(_ outer: Cursor) throws -> Procedure {
        let rw = "reorderLoops"
        let (place, s, i, ilo, ihi, obody) = try loop(at: outer, rw)
        guard obody.count == 1, case .loop(let j, let jlo, let jhi, let body) = obody[0].node else {
            throw failure(rw, "the outer loop's body is not a single loop", at: s)
        }
        if jlo.symbols.contains(i) || jhi.symbols.contains(i) {
            throw failure(rw, "the inner loop's bounds depend on \(i.name)", at: s)
        }
        let path = place.stmtPath
        let innerPath = path + [TreeStep(block: 0, index: 0)]
        var bodyPlace = Place.node(innerPath + [TreeStep(block: 0, index: 0)])
        bodyPlace.kind = .gap
        bodyPlace.hi = bodyPlace.lo
        let ctx = ProgramContext(ir, at: bodyPlace)
        let i2 = Sym(i.name + "'"), j2 = Sym(j.name + "'")
        let effects = Effects.of(body, in: ir)
        let other = effects.substituting([i: .variable(i2), j: .variable(j2)])
        var check = Commutation(oracle: oracle, context: ctx)
        check.extraFacts = ProgramContext.rangeFacts(i2, ilo, ihi) + ProgramContext.rangeFacts(j2, jlo, jhi)
            + [Expr(.binary(.lt, .variable(i), .variable(i2))), Expr(.binary(.lt, .variable(j2), .variable(j)))]
        check.extraTypes = [i2: .index, j2: .index]
        try check.check(effects, other, rewrite: rw,
                        condition: "the loop bodies do not commute across iterations (i < i', j' < j)", at: s)
        let newLoop = Stmt(.loop(j, jlo, jhi, [Stmt(.loop(i, ilo, ihi, body), at: s.loc)]), at: obody[0].loc)
        let newTree = StatementTree.replacing(ir.body, owner: place.owner, block: place.block,
                                              range: place.lo..<place.hi, with: [newLoop])
        let forward = Forward.replacing(owner: place.owner, block: place.block, range: place.lo..<place.hi,
                                        newCount: 1, inside: Forward.firstOf([
                                            Forward.node(path, to: innerPath), Forward.node(innerPath, to: path),
                                            { $0.isInside(innerPath) ? $0 : nil },
                                        ]))
        return derived(rw, body: newTree, forward, arguments: [argument(place)])
    }

    /// `reorder_loops(p, "i j")`: the same, naming the two loops.
    public func reorderLoops(_ names: String) throws -> Procedure {
        let parts = names.split(separator: " ").map(String.init)
        guard parts.count == 2 else { throw KernelError(.schedule, "reorderLoops: expected two loop names, got `\(names)`") }
        let c = try find("for \(parts[0]) in _: for \(parts[1]) in _: _")
        return try reorderLoops(c)
    }
}
