extension Procedure {
    /// The most statements `unrollLoop` produces: a loop of a million
    /// iterations (a schedule's typo) is refused rather than exhausting memory.
    public static let unrollStatementLimit = 65_536

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
        var bodySize = 0
        for t in body { t.forEach { _ in bodySize += 1 } }
        let (trips, o1) = h > l ? h.subtractingReportingOverflow(l) : (0, false)
        let (total, o2) = trips.multipliedReportingOverflow(by: bodySize)
        if o1 || o2 || total > Self.unrollStatementLimit {
            throw failure(rw, "the loop runs \(o1 ? "more than \(Int.max)" : String(trips)) iterations: unrolled, its body of \(bodySize) statement\(bodySize == 1 ? "" : "s") would become \(o1 || o2 ? "too many" : String(total)) statements, more than the limit of \(Self.unrollStatementLimit)", at: s)
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
