extension Procedure {
    /// `specialize(p, block, conds)`: duplicates a statement (or block) into
    /// `if c1: s elif c2: s ... else: s`, so each copy can be scheduled for
    /// its case. Sound, except that a name the block defines and later
    /// statements use would leave scope: that is refused. Cursors into the
    /// block follow the first copy.
    public func specialize(_ block: Cursor, conditions: [ExprArgument]) throws -> Procedure {
        let rw = "specialize"
        let place = try resolve(block, rw, as: [.statement, .block])
        guard !conditions.isEmpty else { throw KernelError(.schedule, "\(rw): no conditions given") }
        let enclosing = StatementTree.block(ir.body, owner: place.owner, block: place.block)!
        let stmts = enclosing[place.lo..<place.hi]
        // Each copy sits in a branch: a name the block defines ends with the branch.
        if let x = stmts.compactMap(\.bindsName).first(where: { x in enclosing[place.hi...].contains { $0.mentions(x) } }) {
            throw failure(rw, "\(x.name) is defined in the block and used after it; the copies would each end its scope (lift its allocation first)", at: place)
        }
        let ctx = ProgramContext(ir, at: place)
        let conds = try conditions.map { try $0.resolve(in: ctx, rw) }
        let loc = stmts.first?.loc ?? .unknown
        var result: [Stmt] = Array(stmts).freshened()
        for (k, c) in conds.enumerated().reversed() {
            let copy = k == 0 ? Array(stmts) : Array(stmts).freshened()
            result = [Stmt(.ifElse(c, copy, result), at: loc)]
        }
        let body = StatementTree.replacing(ir.body, owner: place.owner, block: place.block,
                                           range: place.lo..<place.hi, with: result)
        let ifPath = place.owner + [TreeStep(block: place.block, index: place.lo)]
        let forward = Forward.replacing(owner: place.owner, block: place.block, range: place.lo..<place.hi, newCount: 1,
                                        inside: Forward.movingBlock(from: place.owner, place.block, to: ifPath, 0,
                                                                    offset: -place.lo, range: place.lo..<place.hi))
        return derived(rw, body: body, forward, arguments: [argument(place)] + conditions.map(argument))
    }
}
