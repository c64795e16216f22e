extension Procedure {
    /// `lift_alloc(p, alloc, n_lifts)`: moves an allocation out of its
    /// enclosing loop or `if`, `nLifts` times. Refused when its shape
    /// depends on the loop variable being left.
    public func liftAlloc(_ alloc: Cursor, nLifts: Int = 1) throws -> Procedure {
        let rw = "liftAlloc"
        guard nLifts >= 1 else { throw KernelError(.schedule, "\(rw): nLifts must be at least 1, got \(nLifts)") }
        var p = self
        var c = alloc
        for _ in 0..<nLifts {
            let place = try p.resolve(c, rw, as: [.statement])
            let s = try p.stmt(at: place, rw)
            guard case .alloc(_, let t, _) = s.node else { throw p.failure(rw, "expected an allocation", at: s) }
            guard !place.owner.isEmpty else {
                throw p.failure(rw, "cannot lift the allocation out of the proc body", at: s)
            }
            let parent = StatementTree.stmt(p.ir.body, at: place.owner)!
            if case .loop(let i, _, _, _) = parent.node, t.shape.contains(where: { $0.symbols.contains(i) }) {
                throw p.failure(rw, "the allocation's size depends on the loop variable \(i.name)", at: s)
            }
            // Names bound before the allocation in its block may not appear in its shape.
            let before = StatementTree.block(p.ir.body, owner: place.owner, block: place.block)!.prefix(place.lo)
            if let x = before.compactMap(\.bindsName).first(where: { x in t.shape.contains { $0.symbols.contains(x) } }) {
                throw p.failure(rw, "the allocation's size uses \(x.name), defined in the same block", at: s)
            }
            p = p.moving(place, before: place.owner, rw)
            c = try p.forward(c)
        }
        return p
    }

    /// `sink_alloc(p, alloc)`: moves an allocation into the loop or `if`
    /// right after it. Refused when the buffer is used after that statement,
    /// or (for a loop) when a value written in one iteration may be read in a later one.
    public func sinkAlloc(_ alloc: Cursor) throws -> Procedure {
        let rw = "sinkAlloc"
        let place = try resolve(alloc, rw, as: [.statement])
        let s = try stmt(at: place, rw)
        guard case .alloc(let x, _, _) = s.node else { throw failure(rw, "expected an allocation", at: s) }
        let block = StatementTree.block(ir.body, owner: place.owner, block: place.block)!
        guard place.lo + 1 < block.count else {
            throw failure(rw, "no loop or if follows the allocation", at: s)
        }
        let target = block[place.lo + 1]
        if let later = block[(place.lo + 2)...].first(where: { $0.mentions(x) }) {
            throw failure(rw, "\(x.name) is used after the statement it would sink into", at: s,
                                        details: ["used in `\(StatementText.headline(later))`"])
        }
        let targetPlace = Place.node(place.owner + [TreeStep(block: place.block, index: place.lo + 1)])
        switch target.node {
        case .loop(let i, let lo, let hi, let body):
            try checkNoFlowBetweenIterations(x, i, lo, hi, body, at: targetPlace, s)
        case .ifElse(_, _, let orelse):
            if orelse.mentions(x) {
                throw failure(rw, "\(x.name) is used in both branches of the if", at: s)
            }
        default:
            throw failure(rw, "the statement after the allocation is not a loop or if", at: s,
                                        details: ["found `\(StatementText.headline(target))`"])
        }
        // Remove the allocation, then insert it at the top of the target's body.
        var newBody = StatementTree.replacing(ir.body, owner: place.owner, block: place.block,
                                              range: place.lo..<place.lo + 2, with: [target])
        let targetPath = place.owner + [TreeStep(block: place.block, index: place.lo)]
        newBody = StatementTree.replacing(newBody, owner: targetPath, block: 0, range: 0..<0, with: [s])
        let allocPath = place.stmtPath
        let newAllocPath = targetPath + [TreeStep(block: 0, index: 0)]
        let remove = Forward.replacing(owner: place.owner, block: place.block, range: place.lo..<place.lo + 1,
                                       newCount: 0, inside: { _ in nil })
        let insert = Forward.replacing(owner: targetPath, block: 0, range: 0..<0, newCount: 1, inside: { _ in nil })
        let forward: Forwarding = { p in
            if let q = Forward.node(allocPath, to: newAllocPath)(p) { return q }
            return remove(p).flatMap(insert)
        }
        return derived(rw, body: newBody, forward, arguments: [argument(place)])
    }

    /// A copy of this version with the statement at `place` moved to just
    /// before the statement at `anchor` (an ancestor's position).
    func moving(_ place: Place, before anchor: [TreeStep], _ rw: String) -> Procedure {
        let s = StatementTree.stmt(ir.body, at: place.stmtPath)!
        var body = StatementTree.replacing(ir.body, owner: place.owner, block: place.block,
                                           range: place.lo..<place.hi, with: [])
        let aOwner = Array(anchor.dropLast()), aLast = anchor[anchor.count - 1]
        body = StatementTree.replacing(body, owner: aOwner, block: aLast.block, range: aLast.index..<aLast.index, with: [s])
        let from = place.stmtPath
        let to = aOwner + [TreeStep(block: aLast.block, index: aLast.index)]
        let remove = Forward.replacing(owner: place.owner, block: place.block, range: place.lo..<place.hi,
                                       newCount: 0, inside: { _ in nil })
        let insert = Forward.replacing(owner: aOwner, block: aLast.block, range: aLast.index..<aLast.index,
                                       newCount: 1, inside: { _ in nil })
        let forward: Forwarding = { p in
            if let q = Forward.node(from, to: to)(p) { return q }
            return remove(p).flatMap(insert)
        }
        return derived(rw, body: body, forward, arguments: [argument(place)])
    }

    /// True when the first statement touching scalar `x` assigns it without
    /// reading it (directly, or in both branches of an `if`).
    static func assignsBeforeUse(_ x: Sym, _ stmts: [Stmt]) -> Bool {
        guard let first = stmts.first(where: { $0.mentions(x) }) else { return false }
        switch first.node {
        case .assign(x, let idx, let rhs): return idx.isEmpty && !rhs.symbols.contains(x)
        case .ifElse(let c, let body, let orelse):
            return !c.symbols.contains(x) && assignsBeforeUse(x, body) && assignsBeforeUse(x, orelse)
        default: return false
        }
    }

    /// For sinking `x` into `for i`: no iteration may read a value of x
    /// written by an earlier one. Holds when each iteration starts by
    /// assigning the whole scalar, or when writes and later reads are
    /// provably disjoint.
    private func checkNoFlowBetweenIterations(_ x: Sym, _ i: Sym, _ lo: Expr, _ hi: Expr, _ body: [Stmt],
                                              at loopPlace: Place, _ allocStmt: Stmt) throws {
        let rw = "sinkAlloc"
        if Self.assignsBeforeUse(x, body) { return }
        var bodyPlace = loopPlace
        bodyPlace.owner = loopPlace.stmtPath
        bodyPlace.block = 0
        bodyPlace.lo = 0
        bodyPlace.hi = 0
        let ctx = ProgramContext(ir, at: bodyPlace)
        let effects = Effects.of(body, in: ir)
        let mine = effects.accesses.filter { $0.buffer == x }
        let later = Sym(i.name + "'")
        let writes = Effects(accesses: mine.filter { $0.kind != .read })
        let reads = Effects(accesses: mine.filter { $0.kind != .write }.map {
            var a = $0.substituting([i: .variable(later)])
            a.kind = .read
            return a
        })
        var check = Commutation(oracle: oracle, context: ctx)
        check.extraFacts = ProgramContext.rangeFacts(later, lo, hi) + [Expr(.binary(.lt, .variable(i), .variable(later)))]
        check.extraTypes = [later: .index]
        try check.check(writes, reads, rewrite: rw,
                        condition: "a value of \(x.name) written in one iteration may be read in a later one",
                        at: allocStmt)
    }
}
