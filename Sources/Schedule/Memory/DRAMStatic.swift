/// Statically allocated main memory: `static T name[N];`, no malloc. Shapes
/// must be constant. The buffer keeps its storage between calls (it is not
/// re-zeroed), like Exo's DRAM_STATIC; kernels write before they read.
public struct DRAMStatic: Memory {
    public init() {}
    public var name: MemoryName { "DRAM_STATIC" }
    public var permissions: MemoryPermissions { .all }
    public func makeAllocator() -> any MemoryAllocator { DRAMStaticAllocator() }
    public func canBePassed(as parameterMemory: MemoryName) -> Bool { parameterMemory == name || parameterMemory == .dram }
}

final class DRAMStaticAllocator: MemoryAllocator {
    func alloc(_ r: AllocationRequest) throws(KernelError) -> [String] {
        if r.shape.isEmpty { return ["static \(r.cType) \(r.cName);"] }
        guard let n = r.constantCount else {
            let shown = r.shape.map(\.text).joined(separator: ", ")
            throw KernelError(.memory, "DRAM_STATIC allocation '\(r.cName)' needs a constant shape, got [\(shown)]", at: r.location)
        }
        return ["static \(r.cType) \(r.cName)[\(n)];"]
    }

    func free(_ r: AllocationRequest) throws(KernelError) -> [String] { [] }
    func placement(of cName: String) -> String? { nil }
}
