extension Procedure {
    /// `unroll_loop(p, loop)`: replaces a loop with constant bounds by one
    /// copy of its body per iteration, the loop variable replaced by its value.
    /// Cursors into the body follow the first copy; the loop itself is gone.
    public func unrollLoop(_ loop: Cursor) throws -> Procedure {
        let rw = "unrollLoop"
        let (place, s, i, lo, hi, body) = try self.loop(at: loop, rw)
        let simp = ProgramContext(ir, at: place).simplifier
        guard let l = simp.simplify(lo).intValue, let h = simp.simplify(hi).intValue else {
            throw failure(rw, "the loop bounds are not constants", at: s)
        }
        var replacement: [Stmt] = []
        for v in l..<max(l, h) {
            let copy = v == l ? body : body.freshened()
            replacement += copy.substituting([i: .int(v)])
        }
        let siblings = StatementTree.block(ir.body, owner: place.owner, block: place.block)?.count ?? 1
        if replacement.isEmpty && siblings == 1 { replacement = [Stmt(.pass, at: s.loc)] }
        let path = place.stmtPath
        let newTree = StatementTree.replacing(ir.body, owner: place.owner, block: place.block,
                                              range: place.lo..<place.hi, with: replacement)
        let firstCopy = h > l ? body.count : 0
        let forward = Forward.replacing(owner: place.owner, block: place.block, range: place.lo..<place.hi,
                                        newCount: replacement.count, inside: Forward.movingBlock(
                                            from: path, 0, to: place.owner, place.block, offset: place.lo,
                                            range: 0..<firstCopy))
        return derived(rw, body: newTree, forward, arguments: [argument(place)])
    }
}
