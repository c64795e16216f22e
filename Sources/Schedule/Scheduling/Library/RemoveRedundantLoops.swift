extension Procedure {
    /// `remove_redundant_loops(p, c, num)`: walks up the loops around `stmt`
    /// and removes each one `removeLoop` accepts (its body does not use its
    /// variable and is idempotent), at most `num` of them (nil: all).
    /// Loops that cannot be removed are stepped over.
    public func removeRedundantLoops(_ stmt: Cursor, num: Int? = nil) throws -> Procedure {
        if let num, num < 0 {
            throw KernelError(.schedule, "removeRedundantLoops: num must not be negative, got \(num)")
        }
        var p = self
        var anchor = try p.forward(stmt)
        var removed = 0
        while let parent = try? p.forward(anchor).parent(), parent.isLoop {
            if let num, removed >= num { break }
            if let q = try? p.removeLoop(parent) {
                p = q
                removed += 1
            } else {
                anchor = parent
            }
        }
        return p
    }
}
