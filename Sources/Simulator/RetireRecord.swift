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
public protocol TimingObserver {
    /// Called once per retired (or trapping) instruction, in program order.
    mutating func retire(_ record: RetireRecord)
    /// Cycles elapsed since reset as the model sees them at the point of the
    /// last retired instruction; what `mcycle` reads.
    var cycles: UInt64 { get }
}

/// The functional mode: one cycle per instruction (cycles == instret).
public struct NoTiming: TimingObserver {
    public private(set) var cycles: UInt64 = 0
    public init() {}
    @inline(__always) public mutating func retire(_ record: RetireRecord) { cycles &+= 1 }
}
