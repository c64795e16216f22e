extension Procedure {
    /// `rename(p, name)`: the same proc under a new name.
    public func rename(_ newName: String) throws -> Procedure {
        guard let first = newName.unicodeScalars.first, PatternChars.letterOrUnderscore(first),
              newName.unicodeScalars.allSatisfy({ PatternChars.letterOrUnderscore($0) || PatternChars.digit($0) }) else {
            throw KernelError(.schedule, "rename: `\(newName)` is not a valid proc name")
        }
        var p = ir
        p.name = newName
        return derived("rename", p, Forward.identity, arguments: [newName])
    }
}
