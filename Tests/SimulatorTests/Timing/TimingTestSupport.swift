import RISCV
@testable import Simulator

/// RV32 / RVM encoders for building instruction streams in tests.
enum Enc {
    static func r(_ f7: UInt32, _ rs2: UInt32, _ rs1: UInt32, _ f3: UInt32, _ rd: UInt32, _ op: UInt32) -> UInt32 {
        f7 << 25 | rs2 << 20 | rs1 << 15 | f3 << 12 | rd << 7 | op
    }
    static func i(_ imm: Int32, _ rs1: UInt32, _ f3: UInt32, _ rd: UInt32, _ op: UInt32) -> UInt32 {
        (UInt32(bitPattern: imm) & 0xFFF) << 20 | rs1 << 15 | f3 << 12 | rd << 7 | op
    }
    static func addi(_ rd: UInt32, _ rs1: UInt32, _ imm: Int32) -> UInt32 { i(imm, rs1, 0, rd, 0x13) }
    static func add(_ rd: UInt32, _ rs1: UInt32, _ rs2: UInt32) -> UInt32 { r(0, rs2, rs1, 0, rd, 0x33) }
    static func mul(_ rd: UInt32, _ rs1: UInt32, _ rs2: UInt32) -> UInt32 { r(1, rs2, rs1, 0, rd, 0x33) }
    static func mulh(_ rd: UInt32, _ rs1: UInt32, _ rs2: UInt32) -> UInt32 { r(1, rs2, rs1, 1, rd, 0x33) }
    static func div(_ rd: UInt32, _ rs1: UInt32, _ rs2: UInt32) -> UInt32 { r(1, rs2, rs1, 4, rd, 0x33) }
    static func divu(_ rd: UInt32, _ rs1: UInt32, _ rs2: UInt32) -> UInt32 { r(1, rs2, rs1, 5, rd, 0x33) }
    static func lw(_ rd: UInt32, _ rs1: UInt32, _ imm: Int32) -> UInt32 { i(imm, rs1, 2, rd, 0x03) }
    static func sw(_ rs2: UInt32, _ rs1: UInt32, _ imm: Int32) -> UInt32 {
        let v = UInt32(bitPattern: imm) & 0xFFF
        return (v >> 5) << 25 | rs2 << 20 | rs1 << 15 | 2 << 12 | (v & 0x1F) << 7 | 0x23
    }
    static func branch(_ f3: UInt32, _ rs1: UInt32, _ rs2: UInt32, _ off: Int32) -> UInt32 {
        let v = UInt32(bitPattern: off)
        return ((v >> 12) & 1) << 31 | ((v >> 5) & 0x3F) << 25 | rs2 << 20 | rs1 << 15 | f3 << 12
            | ((v >> 1) & 0xF) << 8 | ((v >> 11) & 1) << 7 | 0x63
    }
    static func bne(_ rs1: UInt32, _ rs2: UInt32, _ off: Int32) -> UInt32 { branch(1, rs1, rs2, off) }
    static func jal(_ rd: UInt32, _ off: Int32) -> UInt32 {
        let v = UInt32(bitPattern: off)
        return ((v >> 20) & 1) << 31 | ((v >> 1) & 0x3FF) << 21 | ((v >> 11) & 1) << 20 | ((v >> 12) & 0xFF) << 12 | rd << 7 | 0x6F
    }
    static func jalr(_ rd: UInt32, _ rs1: UInt32, _ imm: Int32) -> UInt32 { i(imm, rs1, 0, rd, 0x67) }
    static func csrrw(_ rd: UInt32, _ csr: UInt32, _ rs1: UInt32) -> UInt32 { csr << 20 | rs1 << 15 | 1 << 12 | rd << 7 | 0x73 }
    static func csrrs(_ rd: UInt32, _ csr: UInt32, _ rs1: UInt32) -> UInt32 { csr << 20 | rs1 << 15 | 2 << 12 | rd << 7 | 0x73 }
    static func csrrci(_ rd: UInt32, _ csr: UInt32, _ zimm: UInt32) -> UInt32 { csr << 20 | zimm << 15 | 7 << 12 | rd << 7 | 0x73 }
    // RVM (RVM-SPEC.md §1); matmul fields are ENCODING fields md, ms1, ms2.
    static func mld(_ md: UInt32, _ rs1: UInt32, _ rs2: UInt32) -> UInt32 { 0x0400_082B | rs2 << 20 | rs1 << 15 | md << 7 }
    static func mst(_ ms: UInt32, _ rs1: UInt32, _ rs2: UInt32) -> UInt32 { 0x0C00_082B | rs2 << 20 | rs1 << 15 | ms << 7 }
    static func mzero(_ md: UInt32) -> UInt32 { 0xF800_002B | md << 15 }
    static func mmasa(md: UInt32, ms1: UInt32, ms2: UInt32) -> UInt32 { 0xF000_082B | ms2 << 21 | ms1 << 18 | md << 15 }
}

/// Register numbers used by the streams.
enum X {
    static let zero: UInt32 = 0, ra: UInt32 = 1, t0: UInt32 = 5, t1: UInt32 = 6, t2: UInt32 = 7
    static let a0: UInt32 = 10, a1: UInt32 = 11, a2: UInt32 = 12
    static let mcycle: UInt32 = 0xB00, mcountinhibit: UInt32 = 0x320
}

/// One instruction of a stream with what the functional core would report for it.
struct Step {
    var word: UInt32
    /// Load/store effective address, or mld.w/mst.w base (rs1 value).
    var address: UInt32 = 0
    /// rs2 value (divisor, row stride).
    var operand2: UInt32 = 0
    /// Branch/jump target when taken.
    var target: UInt32? = nil
}

/// Stands in for the functional core: feeds records in program order and
/// implements mcycle/mcountinhibit with `HardwareCounter` exactly as the core
/// must (the CSR executes before its retire is reported).
struct Harness {
    var model: TimingModel
    var counter = HardwareCounter(inhibited: true)
    var pc: UInt32 = 0x180
    /// Values read from mcycle, in order.
    var reads: [UInt64] = []

    init(_ config: TimingConfig = TimingConfig(), functions: [FunctionRange] = [], timeline: CycleWindow? = nil) {
        model = TimingModel(config: config, functions: functions, timeline: timeline)
    }

    mutating func run(_ steps: [Step]) {
        for s in steps { run(s) }
    }

    mutating func run(_ s: Step) {
        let inst = RISCV.decode(s.word)
        let now = model.cycles
        switch inst.opcode {
        case .csrrw where inst.imm == Int32(X.mcycle):
            precondition(inst.rs1 == 0, "test streams only write zero to mcycle")
            counter.write(0, now: now)
        case .csrrs where inst.imm == Int32(X.mcycle):
            reads.append(counter.read(now: now))
        case .csrrci where inst.imm == Int32(X.mcountinhibit):
            if inst.rs1 & 1 != 0 { counter.setInhibited(false, now: now) }
        default: break
        }
        var r = RetireRecord()
        r.pc = pc
        r.instruction = inst
        r.address = s.address
        r.operand2 = s.operand2
        r.nextPC = s.target ?? pc &+ 4
        model.retire(r)
        pc = r.nextPC
    }
}

/// The vendor methodology (RVM-SPEC.md §3): clear bit 0 of mcountinhibit,
/// write 0 to mcycle, run the block, read mcycle.
func timedBlock(_ body: [Step]) -> [Step] {
    [Step(word: Enc.csrrci(0, X.mcountinhibit, 1)), Step(word: Enc.csrrw(0, X.mcycle, 0))]
        + body + [Step(word: Enc.csrrs(X.a0, X.mcycle, 0))]
}

/// mcycle as read by a program timing `body`.
func measure(_ body: [Step], config: TimingConfig = TimingConfig()) -> UInt64 {
    var h = Harness(config)
    h.run(timedBlock(body))
    return h.reads[0]
}

/// RVM-SPEC.md §2: (cycles for 64 unrolled instructions - cycles for 16) / 48,
/// here returned as the difference itself so tests check divisibility too.
func difference64minus16(_ instruction: (Int) -> Step, config: TimingConfig = TimingConfig()) -> UInt64 {
    measure((0..<64).map(instruction), config: config) - measure((0..<16).map(instruction), config: config)
}

/// Interleaved-bank data (RVM-SPEC.md §3) and a row stride of 16 bytes.
let interleavedData: UInt32 = 0x1_0000
let contiguousData: UInt32 = 0x8000
let rowStride: UInt32 = 16

func mld(_ md: UInt32, at base: UInt32 = interleavedData, stride: UInt32 = rowStride) -> Step {
    Step(word: Enc.mld(md, X.a0, X.a1), address: base, operand2: stride)
}
func mst(_ ms: UInt32, at base: UInt32 = interleavedData, stride: UInt32 = rowStride) -> Step {
    Step(word: Enc.mst(ms, X.a0, X.a1), address: base, operand2: stride)
}
func mmasa(md: UInt32, ms1: UInt32, ms2: UInt32) -> Step { Step(word: Enc.mmasa(md: md, ms1: ms1, ms2: ms2)) }
func mzero(_ md: UInt32) -> Step { Step(word: Enc.mzero(md)) }
