/// A memory: where a buffer lives and how C code declares, frees and
/// touches it. The compiler core knows DRAM and DRAM_STATIC; hardware
/// libraries add their own (RVMTarget adds RVM_TILE) through a
/// `MemoryRegistry`, the way Exo's users subclass `Memory`.
public protocol Memory: Sendable {
    var name: MemoryName { get }
    /// What generated code may do with a buffer of this memory outside instruction calls.
    var permissions: MemoryPermissions { get }
    /// Code placed once near the top of a C source that uses this memory (includes, helpers).
    var globalCode: String? { get }
    /// True when a buffer's C name is a preprocessor macro (`#define tile "m7"`):
    /// the code generator then keeps such names clear of identifiers it emits itself.
    var namesAreMacros: Bool { get }
    /// True when buffers are a fixed hardware resource that a called proc would
    /// clobber: procs allocating them may call only instructions (as in Exo).
    var requiresLeafProc: Bool { get }
    /// Identifiers that `globalCode` brings in (an included header's macros):
    /// no generated C name may take one.
    var reservedNames: Set<String> { get }
    /// A fresh allocator for compiling one proc.
    func makeAllocator() -> any MemoryAllocator
    /// The `{arg_data}` text of an instruction argument windowing this memory;
    /// `elementAccess` is the C lvalue of the window's first element (`x[4 * i]`).
    func windowData(buffer: String, elementAccess: String) -> String
    /// Whether a buffer of this memory may be passed to a parameter declared in
    /// `parameterMemory` (DRAM_STATIC buffers are DRAM buffers, as in Exo).
    func canBePassed(as parameterMemory: MemoryName) -> Bool
}

extension Memory {
    public var globalCode: String? { nil }
    public var namesAreMacros: Bool { false }
    public var requiresLeafProc: Bool { false }
    public var reservedNames: Set<String> { [] }
    public func windowData(buffer: String, elementAccess: String) -> String { elementAccess }
    public func canBePassed(as parameterMemory: MemoryName) -> Bool { parameterMemory == name }
}

/// What code outside instruction calls may do with a memory's buffers.
public struct MemoryPermissions: Sendable, Equatable {
    /// Read an element or scalar in an expression.
    public var scalarReads: Bool
    /// Assign or reduce into an element or scalar.
    public var scalarWrites: Bool
    /// Form a C window struct or pointer (window definitions, calls of plain procs,
    /// the `{arg}` placeholder of a template).
    public var windows: Bool

    public init(scalarReads: Bool, scalarWrites: Bool, windows: Bool) {
        self.scalarReads = scalarReads
        self.scalarWrites = scalarWrites
        self.windows = windows
    }

    public static let all = MemoryPermissions(scalarReads: true, scalarWrites: true, windows: true)
    /// Only instruction calls touch the buffer (register files).
    public static let instructionsOnly = MemoryPermissions(scalarReads: false, scalarWrites: false, windows: false)
}

/// One extent of an allocation: its C text, and its value when constant.
public struct CExtent: Sendable, Equatable {
    public var text: String
    public var constant: Int?
    public init(text: String, constant: Int?) {
        self.text = text
        self.constant = constant
    }
}

/// Everything a memory needs to declare or free one buffer.
public struct AllocationRequest: Sendable {
    /// The buffer's C identifier (unique in the proc).
    public var cName: String
    public var elementType: ScalarType
    /// The C element type (`int32_t`).
    public var cType: String
    /// Extents, outermost first; empty for a scalar.
    public var shape: [CExtent]
    public var location: SourceLocation

    public init(cName: String, elementType: ScalarType, cType: String, shape: [CExtent], location: SourceLocation) {
        self.cName = cName
        self.elementType = elementType
        self.cType = cType
        self.shape = shape
        self.location = location
    }

    /// Product of constant extents, nil when any is symbolic.
    public var constantCount: Int? {
        var n = 1
        for e in shape {
            guard let c = e.constant else { return nil }
            n *= c
        }
        return n
    }
}

/// The per-proc allocation state of a memory. Stateless memories return a
/// fresh trivial allocator; register files track which registers are live.
public protocol MemoryAllocator: AnyObject {
    /// C lines declaring the buffer (a failure names the allocation's location).
    func alloc(_ r: AllocationRequest) throws(KernelError) -> [String]
    /// C lines releasing it, placed right after its last use.
    func free(_ r: AllocationRequest) throws(KernelError) -> [String]
    /// Where a live buffer is held (a register name such as "m3"); nil if not meaningful.
    func placement(of cName: String) -> String?
}
