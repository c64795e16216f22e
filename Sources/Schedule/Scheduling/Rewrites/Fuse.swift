extension Procedure {
    /// `fuse(p, first, second)`: two adjacent loops with equal bounds become
    /// one running both bodies (`for i: A; for j: B` becomes `for i: A; B[j := i]`),
    /// or two adjacent ifs with equal conditions become one (bodies and else
    /// branches joined).
    ///
    /// For loops, iteration i of the second body now runs before the
    /// iterations i' > i of the first, so those must commute (the inverse
    /// of `fission`): refused when the second loop's iteration i touches a
    /// location the first loop writes at a later iteration (or writes one it
    /// reads or writes there). For ifs, the order of the statements is kept;
    /// the first if must not write data its condition reads.
    /// Cursors into either body follow their statements; either loop (or if)
    /// becomes the fused one.
    public func fuse(_ first: Cursor, _ second: Cursor) throws -> Procedure {
        let rw = "fuse"
        let a = try resolve(first, rw, as: [.statement]), b = try resolve(second, rw, as: [.statement])
        guard a.owner == b.owner, a.block == b.block, b.lo == a.lo + 1 else {
            throw failure(rw, "the second statement must directly follow the first", at: a)
        }
        let s1 = try stmt(at: a, rw), s2 = try stmt(at: b, rw)
        let both = Place.block(owner: a.owner, block: a.block, a.lo..<a.lo + 2)
        let ctx = ProgramContext(ir, at: a)
        let fused: Stmt
        let offsets: [Int]
        switch (s1.node, s2.node) {
        case (.loop(let i, let lo1, let hi1, let body1), .loop(let j, let lo2, let hi2, let body2)):
            try requireEqual(lo1, lo2, "lower bounds", ctx, at: both)
            try requireEqual(hi1, hi2, "upper bounds", ctx, at: both)
            let moved = body2.substituting([j: .variable(i)])
            try checkIterationsCommute(i, lo1, hi1, body1, moved, in: ctx, at: both)
            fused = Stmt(.loop(i, lo1, hi1, body1 + moved), at: s1.loc)
            offsets = [body1.count]
        case (.ifElse(let c1, let body1, let else1), .ifElse(let c2, let body2, let else2)):
            try requireEqual(c1, c2, "conditions", ctx, at: both)
            let written = Effects.of([s1], in: ir).writtenBuffers
            if let x = c2.symbols.first(where: { written.contains($0) }) {
                throw failure(rw, "the first if writes \(x.name), which the second condition reads", at: both)
            }
            fused = Stmt(.ifElse(c1, body1 + body2, else1 + else2), at: s1.loc)
            offsets = [body1.count, else1.count]
        default:
            throw failure(rw, "expected two loops or two ifs", at: both)
        }
        let body = StatementTree.replacing(ir.body, owner: a.owner, block: a.block, range: a.lo..<a.lo + 2, with: [fused])
        let p1 = a.stmtPath, p2 = b.stmtPath
        var moves: [@Sendable (Place) -> Place?] = [
            Forward.node(p1, to: p1), Forward.node(p2, to: p1),
            { $0.isInside(p1) ? $0 : nil },
        ]
        for (k, offset) in offsets.enumerated() {
            moves.append(Forward.movingBlock(from: p2, k, to: p1, k, offset: offset))
        }
        let forward = Forward.replacing(owner: a.owner, block: a.block, range: a.lo..<a.lo + 2, newCount: 1,
                                        inside: Forward.firstOf(moves))
        return derived(rw, body: body, forward, arguments: [argument(a), argument(b)])
    }

    /// Two bounds or conditions are the same: equal after simplification, or proved equal.
    private func requireEqual(_ x: Expr, _ y: Expr, _ what: String, _ ctx: ProgramContext, at place: Place) throws {
        let s = ctx.simplifier
        if s.simplify(x) == s.simplify(y) { return }
        try require(Expr(.binary(.eq, x, y)), in: ctx, "fuse", "the \(what) are not provably equal", at: place)
    }

    /// Iteration i of `second` may run before iterations i' > i of `first`.
    private func checkIterationsCommute(_ i: Sym, _ lo: Expr, _ hi: Expr, _ first: [Stmt], _ second: [Stmt],
                                        in ctx: ProgramContext, at place: Place) throws {
        let later = Sym(i.name + "'")
        var check = Commutation(oracle: oracle, context: ctx)
        check.extraFacts = ProgramContext.rangeFacts(i, lo, hi) + ProgramContext.rangeFacts(later, lo, hi)
            + [Expr(.binary(.lt, .variable(i), .variable(later)))]
        check.extraTypes = [i: .index, later: .index]
        let effects2 = Effects.of(second, in: ir)
        let effects1 = Effects.of(first, in: ir).substituting([i: .variable(later)])
        if let details = check.conflict(effects2, effects1) {
            throw failure("fuse", "iteration \(i.name) of the second loop would run before iteration \(later.name) > \(i.name) of the first, and they do not commute",
                          at: place, details: details)
        }
    }
}
