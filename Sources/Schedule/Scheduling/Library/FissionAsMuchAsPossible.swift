extension Procedure {
    /// `fission_as_much_as_possible(p, stmt)`: moves a statement to the top
    /// of its block as far as it commutes with the statements above it,
    /// then splits the enclosing loops (and `if`s) right after it, level by
    /// level, until a fission is refused. A block cursor is not moved, only
    /// split off after its end.
    public func fissionAsMuchAsPossible(_ stmt: Cursor) throws -> Procedure {
        var p = self
        if try p.forward(stmt).kind == .statement {
            while let prev = try? p.forward(stmt).prev(), let q = try? p.reorderStmts(prev, p.forward(stmt)) {
                p = q
            }
        }
        var gap = try p.forward(stmt).after()
        while let q = try? p.fission(gap) {
            p = q
            gap = try p.forward(gap)
        }
        return p
    }
}
