extension Procedure {
    /// `remove_loop(p, loop)`: replaces `for i in seq(lo, hi): body` by `body`
    /// when the body does not use `i`, the loop runs at least once, and the
    /// body is idempotent (running it twice equals running it once: it
    /// reduces into no outside buffer and reads no element it writes).
    public func removeLoop(_ loop: Cursor) throws -> Procedure {
        let rw = "removeLoop"
        let (place, s, i, lo, hi, body) = try self.loop(at: loop, rw)
        guard !body.mentions(i) else {
            throw failure(rw, "the body uses the loop variable \(i.name)", at: s)
        }
        let ctx = ProgramContext(ir, at: place)
        try require(Expr(.binary(.lt, lo, hi)), in: ctx, rw, "the loop is not provably run at least once", at: s)
        let effects = Effects.of(body, in: ir)
        if let r = effects.accesses.first(where: { $0.kind == .reduce }) {
            throw failure(rw, "the body is not idempotent", at: s,
                                        details: ["it reduces into \(r.location) in `\(StatementText.headline(r.origin))`"])
        }
        let writes = Effects(accesses: effects.accesses.filter { $0.kind == .write })
        let reads = Effects(accesses: effects.accesses.filter { $0.kind == .read })
        try Commutation(oracle: oracle, context: ctx)
            .check(writes, reads, rewrite: rw, condition: "the body is not idempotent: it may read what it writes", at: s)
        let path = place.stmtPath
        let newTree = StatementTree.replacing(ir.body, owner: place.owner, block: place.block,
                                              range: place.lo..<place.hi, with: body)
        let forward = Forward.replacing(owner: place.owner, block: place.block, range: place.lo..<place.hi,
                                        newCount: body.count,
                                        inside: Forward.movingBlock(from: path, 0, to: place.owner, place.block, offset: place.lo))
        return derived(rw, body: newTree, forward, arguments: [argument(place)])
    }
}
