extension Procedure {
    /// `lift_scope_n(p, c, n_lifts)`: lifts a loop or `if` above `n`
    /// enclosing scopes, one `liftScope` at a time.
    public func liftScope(_ stmt: Cursor, n: Int) throws -> Procedure {
        guard n >= 0 else { throw KernelError(.schedule, "liftScope: n must not be negative, got \(n)") }
        var p = self
        for _ in 0..<n { p = try p.liftScope(stmt) }
        return p
    }
}
