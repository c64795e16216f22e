/// Every memory a proc names (`@ RVM_TILE` on an argument or an allocation)
/// must be one the target registered. The parser accepts any name, so that a
/// hardware library can add its own; this check is where a typo (`@ RVM_TLE`)
/// is caught before code generation, with the location of the allocation.
enum MemoryNameCheck {
    static func check(_ proc: Proc, against memories: MemoryRegistry) throws(KernelError) {
        for p in proc.params {
            if let m = p.memory, p.type.isData { _ = try memories.memory(m, at: proc.loc) }
        }
        var unknown: KernelError? = nil
        for s in proc.body {
            s.forEach { t in
                guard unknown == nil, case .alloc(_, _, let m) = t.node else { return }
                do throws(KernelError) { _ = try memories.memory(m, at: t.loc) } catch { unknown = error }
            }
        }
        if let unknown { throw unknown }
    }
}
