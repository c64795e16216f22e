/// The memories a compilation knows, keyed by name. A value: extend it with
/// `registering(_:)` (RVMTarget does, for RVM_TILE) and pass it to the compiler.
public struct MemoryRegistry: Sendable {
    private var memories: [MemoryName: any Memory] = [:]

    public init(_ memories: [any Memory] = []) {
        for m in memories { self.memories[m.name] = m }
    }

    /// DRAM and DRAM_STATIC.
    public static let standard = MemoryRegistry([DRAM(), DRAMStatic()])

    public mutating func register(_ m: any Memory) { memories[m.name] = m }

    public func registering(_ m: any Memory) -> MemoryRegistry {
        var copy = self
        copy.register(m)
        return copy
    }

    public subscript(name: MemoryName) -> (any Memory)? { memories[name] }

    /// What the memories' global code (headers) reserves, together.
    public var reservedNames: Set<String> { memories.values.reduce(into: []) { $0.formUnion($1.reservedNames) } }

    public var names: [MemoryName] { memories.keys.sorted { $0.rawValue < $1.rawValue } }

    /// The memory called `name`, or a KernelError(.memory) naming the known ones.
    public func memory(_ name: MemoryName, at loc: SourceLocation) throws(KernelError) -> any Memory {
        guard let m = memories[name] else {
            let known = names.map(\.rawValue).joined(separator: ", ")
            throw KernelError(.memory, "unknown memory '\(name)' (known: \(known))", at: loc)
        }
        return m
    }
}
