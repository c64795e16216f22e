extension Procedure {
    /// `fission(p, gap, n_lifts)`: splits the loop (or `if`) around a gap in
    /// its body into two, `nLifts` levels up. For a loop, iteration i of the
    /// second half moves after iteration i' > i of the first, so those must
    /// commute; an allocation used on both sides must be lifted first.
    public func fission(_ gap: Cursor, nLifts: Int = 1) throws -> Procedure {
        let rw = "fission"
        guard nLifts >= 1 else { throw KernelError(.schedule, "\(rw): nLifts must be at least 1, got \(nLifts)") }
        var p = self
        var g = try resolve(gap, rw, as: [.gap])
        for _ in 0..<nLifts {
            (p, g) = try p.fissionOnce(at: g)
        }
        return p
    }

    private func fissionOnce(at g: Place) throws -> (Procedure, Place) {
        let rw = "fission"
        guard !g.owner.isEmpty else { throw KernelError(.schedule, "\(rw): the gap is at the top level of the proc") }
        let ownerStmt = StatementTree.stmt(ir.body, at: g.owner)!
        let block = ownerStmt.blocks[g.block]
        guard g.lo > 0, g.lo < block.count else {
            throw failure(rw, "the gap is at the edge of the body: nothing to split", at: ownerStmt)
        }
        let first = Array(block[..<g.lo]), second = Array(block[g.lo...])
        for x in first.compactMap(\.bindsName) where second.mentions(x) {
            throw failure(rw, "\(x.name) is defined before the gap and used after it; lift its allocation first",
                                        at: ownerStmt)
        }
        var parts: [Stmt]
        switch ownerStmt.node {
        case .loop(let i, let lo, let hi, _):
            let ctx = ProgramContext(ir, at: g)
            let later = Sym(i.name + "'")
            var check = Commutation(oracle: oracle, context: ctx)
            check.extraFacts = ProgramContext.rangeFacts(later, lo, hi) + [Expr(.binary(.lt, .variable(i), .variable(later)))]
            check.extraTypes = [later: .index]
            do {
                try check.check(Effects.of(second, in: ir), Effects.of(first, in: ir).substituting([i: .variable(later)]),
                                rewrite: rw,
                                condition: "it breaks a dependence: the statements after the gap in iteration \(i.name) would run after those before it in a later iteration \(later.name)",
                                at: ownerStmt)
            } catch {
                // Still sound when the first part merely recomputes the same values (see RepeatableFission).
                if RepeatableFission(oracle: oracle, context: ctx).failure(first: first, second: second, loop: i, in: ir) != nil {
                    throw error
                }
            }
            let i2 = Sym(i.name)
            parts = [Stmt(.loop(i, lo, hi, first), at: ownerStmt.loc),
                     Stmt(.loop(i2, lo, hi, second.substituting([i: .variable(i2)])), at: ownerStmt.loc)]
        case .ifElse(let c, _, let orelse):
            guard g.block == 0 else {
                throw failure(rw, "cannot split the else branch of an if", at: ownerStmt)
            }
            parts = [Stmt(.ifElse(c, first, []), at: ownerStmt.loc), Stmt(.ifElse(c, second, orelse), at: ownerStmt.loc)]
        default:
            throw failure(rw, "the gap is not inside a loop or if", at: ownerStmt)
        }
        let oOwner = Array(g.owner.dropLast()), oLast = g.owner[g.owner.count - 1]
        let body = StatementTree.replacing(ir.body, owner: oOwner, block: oLast.block,
                                           range: oLast.index..<oLast.index + 1, with: parts)
        let p1 = g.owner
        let p2 = oOwner + [TreeStep(block: oLast.block, index: oLast.index + 1)]
        let newGap = Place.gap(owner: oOwner, block: oLast.block, at: oLast.index + 1)
        let splitAt = g.lo, b = g.block
        let forward = Forward.replacing(owner: oOwner, block: oLast.block, range: oLast.index..<oLast.index + 1,
                                        newCount: 2, inside: Forward.firstOf([
                                            Forward.node(p1, to: p1),
                                            { $0 == g ? newGap : nil },
                                            Forward.movingBlock(from: p1, b, to: p1, b, offset: 0, range: 0..<splitAt),
                                            Forward.movingBlock(from: p1, b, to: p2, b, offset: -splitAt, range: splitAt..<Int.max),
                                            Forward.movingBlock(from: p1, 1, to: p2, 1, offset: 0),
                                        ]))
        return (derived(rw, body: body, forward, arguments: [argument(g)]), newGap)
    }
}
