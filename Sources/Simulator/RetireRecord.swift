import RISCV

/// What the functional core reports for each retired instruction; the only
/// thing the timing model sees. The core knows nothing of timing (DESIGN.md).
///
/// The record is a small value filled in place by the core (no allocation per
/// instruction) and handed to a `TimingObserver` after the instruction's
/// architectural effects are done.
public struct RetireRecord: Sendable {
    /// Address of the instruction.
    public var pc: UInt32 = 0
    /// The pre-decoded instruction (opcode and register fields).
    public var instruction: Instruction = Instruction(opcode: .illegal, word: 0)
    /// Address of the next instruction actually executed (branch/jump outcome,
    /// trap vector, or `mepc` after `mret`).
    public var nextPC: UInt32 = 0
    /// Effective address of a load/store; base address (rs1 value) of `mld.w`/`mst.w`.
    public var address: UInt32 = 0
    /// Value of rs2: the divisor of div/rem, the row stride in bytes of `mld.w`/`mst.w`.
    public var operand2: UInt32 = 0
    /// True when the instruction trapped instead of completing (illegal, ecall, ebreak).
    public var trapped: Bool = false

    public init() {}
}

/// Consumes retired instructions and keeps the cycle count. The functional core
/// is generic over its observer so that the functional-only mode pays nothing.
///
/// The observer's per-instruction state is split out as `fastPath`: the core
/// copies it into a local when a run starts, offers it every instruction
/// (`retireIfCommon`, inlined at each opcode's case with the instruction's
/// timing class as a constant), and writes it back before each call to
/// `retire` (taking the updated copy afterwards) and when the run stops. So in
/// the common case that state stays in registers and the observer's storage is
/// not touched.
public protocol TimingObserver {
    associatedtype FastPath: RetireFastPath
    /// The part of the observer's state the core keeps in a local while it runs.
    var fastPath: FastPath { get set }
    /// Called once per retired (or trapping) instruction, in program order, for
    /// the instructions `fastPath` declines (and by callers without a fast path:
    /// it handles every instruction, common ones included).
    mutating func retire(_ record: RetireRecord)
    /// Cycles elapsed since reset as the model sees them at the point of the
    /// last retired instruction; what `mcycle` reads.
    var cycles: UInt64 { get }
}

/// The inlined, per-instruction half of a `TimingObserver`.
public protocol RetireFastPath {
    /// As `TimingObserver.cycles`.
    var cycles: UInt64 { get }
    /// Accounts for `record` and returns true if it is a common case; otherwise
    /// returns false having changed nothing (the observer's `retire` takes it).
    /// `klass` is the class of `record.instruction.opcode` (the core passes a
    /// constant, so an implementation can dispatch on it for free).
    mutating func retireIfCommon(_ record: RetireRecord, as klass: InstructionClass) -> Bool
}

/// The functional mode: one cycle per instruction (cycles == instret). Its own
/// fast path: every instruction is common.
public struct NoTiming: TimingObserver, RetireFastPath {
    public private(set) var cycles: UInt64 = 0
    public init() {}
    public var fastPath: NoTiming {
        get { self }
        set { self = newValue }
    }
    @inline(__always) public mutating func retire(_ record: RetireRecord) { cycles &+= 1 }
    @inline(__always) public mutating func retireIfCommon(_ record: RetireRecord, as klass: InstructionClass) -> Bool {
        cycles &+= 1
        return true
    }
}

/// For observers that must see every instruction (the commit log): declines
/// everything, and only carries the cycle count into the core's loop.
public struct NoFastPath: RetireFastPath {
    public let cycles: UInt64
    public init(cycles: UInt64) { self.cycles = cycles }
    @inline(__always) public func retireIfCommon(_ record: RetireRecord, as klass: InstructionClass) -> Bool { false }
}
