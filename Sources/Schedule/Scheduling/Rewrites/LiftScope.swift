extension Procedure {
    /// `lift_scope(p, stmt)`: swaps a loop or `if` with the loop or `if`
    /// directly around it (it must be that scope's only statement):
    ///  - `for i: for j: s` → `for j: for i: s` (as `reorderLoops`);
    ///  - `for i: if c: s [else: t]` → `if c: for i: s [else: for i: t]` (c must not use i);
    ///  - `if c: for i: s` → `for i: if c: s` (no else);
    ///  - `if a: if b: s` → `if b: if a: s` (no else on either).
    /// Cursors on either statement follow it.
    public func liftScope(_ stmt: Cursor) throws -> Procedure {
        let rw = "liftScope"
        let place = try resolve(stmt, rw, as: [.statement])
        let s = try self.stmt(at: place, rw)
        guard !place.owner.isEmpty else { throw failure(rw, "the statement is at the top level", at: s) }
        let outerPath = place.owner
        let outer = StatementTree.stmt(ir.body, at: outerPath)!
        guard outer.blocks.count >= 1, outer.blocks[place.block].count == 1 else {
            throw failure(rw, "the statement is not alone in its enclosing block", at: outer)
        }
        let innerPath = place.stmtPath
        let new: Stmt
        switch (outer.node, s.node) {
        case (.loop, .loop):
            return try reorderLoops(Cursor(.node(outerPath), in: ir, procID: id))
        case (.loop(let i, let lo, let hi, _), .ifElse(let c, let body, let orelse)):
            if c.symbols.contains(i) {
                throw failure(rw, "the condition depends on the loop variable \(i.name)", at: outer)
            }
            let i2 = Sym(i.name)
            let elseLoop: [Stmt] = orelse.isEmpty ? [] : [Stmt(.loop(i2, lo, hi, orelse.freshened().substituting([i: .variable(i2)])), at: outer.loc)]
            new = Stmt(.ifElse(c, [Stmt(.loop(i, lo, hi, body), at: outer.loc)], elseLoop), at: s.loc)
        case (.ifElse(let c, _, let oe), .loop(let i, let lo, let hi, let body)):
            guard oe.isEmpty, place.block == 0 else {
                throw failure(rw, "the enclosing if has an else branch", at: outer)
            }
            new = Stmt(.loop(i, lo, hi, [Stmt(.ifElse(c, body, []), at: outer.loc)]), at: s.loc)
        case (.ifElse(let a, _, let oa), .ifElse(let b, let body, let ob)):
            guard oa.isEmpty, ob.isEmpty, place.block == 0 else {
                throw failure(rw, "an if with an else branch cannot be swapped", at: outer)
            }
            new = Stmt(.ifElse(b, [Stmt(.ifElse(a, body, []), at: outer.loc)], []), at: s.loc)
        default:
            throw failure(rw, "expected a loop or if directly inside a loop or if", at: outer)
        }
        // The old inner statement becomes the outer one and vice versa.
        let mapInner = outerPath
        let mapOuter = outerPath + [TreeStep(block: 0, index: 0)]
        let oOwner = Array(outerPath.dropLast()), oLast = outerPath[outerPath.count - 1]
        let body = StatementTree.replacing(ir.body, owner: oOwner, block: oLast.block,
                                           range: oLast.index..<oLast.index + 1, with: [new])
        // The innermost blocks keep their depth: body of inner (block 0) -> body of new inner.
        let newInnerPath = outerPath + [TreeStep(block: 0, index: 0)]
        let forward = Forward.replacing(owner: oOwner, block: oLast.block, range: oLast.index..<oLast.index + 1,
                                        newCount: 1, inside: Forward.firstOf([
                                            Forward.node(innerPath, to: mapInner),
                                            Forward.node(outerPath, to: mapOuter),
                                            Forward.movingBlock(from: innerPath, 0, to: newInnerPath, 0, offset: 0),
                                            Forward.movingBlock(from: innerPath, 1, to: outerPath + [TreeStep(block: 1, index: 0)], 0, offset: 0),
                                        ]))
        return derived(rw, body: body, forward, arguments: [argument(place)])
    }
}
