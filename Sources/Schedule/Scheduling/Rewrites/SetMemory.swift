extension Procedure {
    /// `set_memory(p, alloc, mem)`: places an allocation in another memory.
    /// Always sound for the computation; whether the memory permits the
    /// buffer's uses is checked by code generation.
    public func setMemory(_ alloc: Cursor, _ memory: MemoryName) throws -> Procedure {
        let place = try resolve(alloc, "setMemory", as: [.statement])
        let s = try stmt(at: place, "setMemory")
        guard case .alloc(let x, let t, _) = s.node else {
            throw failure("setMemory", "expected an allocation", at: s)
        }
        var new = s
        new.node = .alloc(x, t, memory)
        let body = StatementTree.replacing(ir.body, owner: place.owner, block: place.block,
                                           range: place.lo..<place.hi, with: [new])
        return derived("setMemory", body: body, Forward.identity, arguments: [argument(place), "\(memory)"])
    }
}
