extension Procedure {
    /// `rename(p, name)`: the same proc under a new name.
    public func rename(_ newName: String) throws -> Procedure {
        try Self.checkName(newName, "rename", "a proc")
        var p = ir
        p.name = newName
        return derived("rename", p, Forward.identity, arguments: [newName])
    }
}
