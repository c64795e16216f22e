extension Procedure {
    /// `lift_scope_n(p, c, n_lifts)`: lifts a loop or `if` above `n`
    /// enclosing scopes, one `liftScope` at a time.
    public func liftScope(_ stmt: Cursor, n: Int) throws -> Procedure {
        var p = self
        for _ in 0..<max(n, 0) { p = try p.liftScope(stmt) }
        return p
    }
}
