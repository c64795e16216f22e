extension Procedure {
    /// `cut_loop(p, loop, cut)`: `for i in seq(lo, hi)` becomes
    /// `for i in seq(lo, cut)` followed by `for i in seq(cut, hi)`;
    /// requires `lo <= cut <= hi`.
    public func cutLoop(_ loop: Cursor, at cut: ExprArgument) throws -> Procedure {
        let rw = "cutLoop"
        let (place, s, i, lo, hi, body) = try self.loop(at: loop, rw)
        let ctx = ProgramContext(ir, at: place)
        let point = ctx.simplifier.simplify(try cut.resolve(in: ctx, rw))
        try require(Expr(.binary(.and, Expr(.binary(.le, lo, point)), Expr(.binary(.le, point, hi)))), in: ctx, rw,
                    "the cut point \(StatementText.expr(point)) is not provably within [\(StatementText.expr(lo)), \(StatementText.expr(hi))]",
                    at: s)
        let second = Sym(i.name)
        let replacement = [Stmt(.loop(i, lo, point, body), at: s.loc),
                           Stmt(.loop(second, point, hi, body.freshened().substituting([i: .variable(second)])), at: s.loc)]
        let path = place.stmtPath
        let newTree = StatementTree.replacing(ir.body, owner: place.owner, block: place.block,
                                              range: place.lo..<place.hi, with: replacement)
        let forward = Forward.replacing(owner: place.owner, block: place.block, range: place.lo..<place.hi,
                                        newCount: 2, inside: Forward.firstOf([
                                            Forward.node(path, to: path),
                                            Forward.movingBlock(from: path, 0, to: path, 0, offset: 0),
                                        ]))
        return derived(rw, body: newTree, forward, arguments: [argument(place), argument(cut)])
    }
}
