/// The base for memories that are a fixed set of named hardware registers
/// (Exo's StaticMemory): each allocation takes a free register and names it
/// with `#define name "reg"`; its free returns the register with `#undef`.
/// Only instruction calls touch such buffers. `handOutOrder` lists register
/// numbers in the order they are given out, so a library can keep a
/// register with quirks for last.
public struct RegisterFileMemory: Memory {
    public let name: MemoryName
    public let registerNames: [String]
    /// Register numbers (indices into `registerNames`) in hand-out order.
    public let handOutOrder: [Int]
    /// Checks an allocation's element type and shape (throws KernelError(.memory)).
    public let validate: @Sendable (AllocationRequest) throws(KernelError) -> Void
    /// Code placed once in the C source of a file using this memory (e.g. an include).
    public let globalCode: String?
    /// Macros of the header `globalCode` includes.
    public let reservedNames: Set<String>

    public init(name: MemoryName, registerNames: [String], handOutOrder: [Int]? = nil, globalCode: String? = nil,
                reservedNames: Set<String> = [],
                validate: @escaping @Sendable (AllocationRequest) throws(KernelError) -> Void = { _ throws(KernelError) in }) {
        self.name = name
        self.registerNames = registerNames
        self.handOutOrder = handOutOrder ?? Array(registerNames.indices)
        self.globalCode = globalCode
        self.reservedNames = reservedNames
        self.validate = validate
    }

    public var permissions: MemoryPermissions { .instructionsOnly }
    public var namesAreMacros: Bool { true }
    public var requiresLeafProc: Bool { true }

    public func makeAllocator() -> any MemoryAllocator { RegisterFileAllocator(self) }

    /// A register argument's `{arg_data}` is its register-name macro.
    public func windowData(buffer: String, elementAccess: String) -> String { buffer }
}

/// The free list of one register file while compiling one proc.
final class RegisterFileAllocator: MemoryAllocator {
    private let memory: RegisterFileMemory
    /// Live buffer C name -> register number, in allocation order for messages.
    private var live: [(name: String, register: Int)] = []

    init(_ memory: RegisterFileMemory) { self.memory = memory }

    func alloc(_ r: AllocationRequest) throws(KernelError) -> [String] {
        try memory.validate(r)
        let taken = Set(live.map(\.register))
        guard let reg = memory.handOutOrder.first(where: { !taken.contains($0) }) else {
            let holders = live.map { "\($0.name) in \(memory.registerNames[$0.register])" }.joined(separator: ", ")
            throw KernelError(.memory, "\(memory.name): cannot allocate '\(r.cName)': all \(memory.handOutOrder.count) registers are live (\(holders))", at: r.location)
        }
        live.append((r.cName, reg))
        return ["#define \(r.cName) \"\(memory.registerNames[reg])\""]
    }

    func free(_ r: AllocationRequest) throws(KernelError) -> [String] {
        live.removeAll { $0.name == r.cName }
        return ["#undef \(r.cName)"]
    }

    func placement(of cName: String) -> String? {
        live.first { $0.name == cName }.map { memory.registerNames[$0.register] }
    }
}
