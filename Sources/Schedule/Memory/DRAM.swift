/// Main memory, as Exo's DRAM: a scalar is a C local; a tensor is
/// `malloc`ed where it is allocated and `free`d right after its last use
/// (sizes may be symbolic). Kernels that must not call malloc use DRAM_STATIC.
public struct DRAM: Memory {
    public init() {}
    public var name: MemoryName { .dram }
    public var permissions: MemoryPermissions { .all }
    public var globalCode: String? { "#include <stdlib.h>" }
    public func makeAllocator() -> any MemoryAllocator { DRAMAllocator() }
}

final class DRAMAllocator: MemoryAllocator {
    func alloc(_ r: AllocationRequest) throws(KernelError) -> [String] {
        if r.shape.isEmpty { return ["\(r.cType) \(r.cName);"] }
        let count = r.shape.map { r.shape.count > 1 ? "(\($0.text))" : $0.text }.joined(separator: " * ")
        return ["\(r.cType) *\(r.cName) = (\(r.cType)*) malloc(\(count) * sizeof(*\(r.cName)));"]
    }

    func free(_ r: AllocationRequest) throws(KernelError) -> [String] {
        r.shape.isEmpty ? [] : ["free(\(r.cName));"]
    }

    func placement(of cName: String) -> String? { nil }
}
