import TestSupport
@testable import RISCV

/// Random valid instructions, biased towards the operand values that select
/// objdump aliases (x0, ra, imm 0/1/-1/255, CSRs with names).
struct RandomInstructions {
    var rng: SeededGenerator

    init(seed: UInt64) { rng = SeededGenerator(seed: seed) }

    mutating func gpr() -> UInt8 {
        Int.random(in: 0..<4, using: &rng) == 0 ? UInt8.random(in: 0...2, using: &rng) : UInt8.random(in: 0...31, using: &rng)
    }

    mutating func signed(bits: Int32, special: [Int32]) -> Int32 {
        if Int.random(in: 0..<3, using: &rng) == 0, let s = special.randomElement(using: &rng) { return s }
        return Int32.random(in: -(1 << (bits - 1))...((1 << (bits - 1)) - 1), using: &rng)
    }

    mutating func csrNumber() -> Int32 {
        let favourites: [Int32] = [0x300, 0x301, 0x304, 0x305, 0x340, 0x341, 0x342, 0x343, 0x344,
                                   0xB00, 0xB02, 0xB80, 0xB82, 0x320, 0xF14, 0xC00, 0xC01, 0xC02,
                                   0xC80, 0xC81, 0xC82, 0x310, 0x7C0]
        if Bool.random(using: &rng), let f = favourites.randomElement(using: &rng) { return f }
        return Int32.random(in: 0...4095, using: &rng)
    }

    /// One random instruction of `opcode`, with `word` set to its encoding.
    mutating func make(_ opcode: Opcode, canonicalFences: Bool = true) -> Instruction {
        var i = Instruction(opcode: opcode, word: 0)
        switch opcode.format {
        case .r:
            i.rd = gpr(); i.rs1 = gpr(); i.rs2 = gpr()
        case .i:
            i.rd = gpr(); i.rs1 = gpr(); i.imm = signed(bits: 12, special: [0, 1, -1, 255, 2047, -2048])
        case .shift:
            i.rd = gpr(); i.rs1 = gpr(); i.imm = Int32.random(in: 0...31, using: &rng)
        case .s:
            i.rs1 = gpr(); i.rs2 = gpr(); i.imm = signed(bits: 12, special: [0, -1, 2047, -2048])
        case .b:
            i.rs1 = gpr(); i.rs2 = gpr(); i.imm = signed(bits: 13, special: [0, -2, 4094, -4096]) & ~1
        case .u:
            i.rd = gpr(); i.imm = Int32(bitPattern: UInt32.random(in: 0...0xFFFFF, using: &rng) << 12)
        case .j:
            i.rd = gpr(); i.imm = signed(bits: 21, special: [0, 2, -2, 1_048_574, -1_048_576]) & ~1
        case .csr:
            i.rd = gpr(); i.rs1 = gpr(); i.imm = csrNumber()
        case .csrImm:
            i.rd = gpr(); i.rs1 = UInt8.random(in: 0...31, using: &rng); i.imm = csrNumber()
        case .fence:
            if opcode == .fence {
                let pred = Int32.random(in: 0...15, using: &rng), succ = Int32.random(in: 0...15, using: &rng)
                i.imm = Int.random(in: 0..<6, using: &rng) == 0 ? Immediate.i(0x8330_000F) : pred << 4 | succ
            }
            if !canonicalFences && Bool.random(using: &rng) {
                i.rd = gpr(); i.rs1 = gpr(); i.imm = signed(bits: 12, special: [])
            }
        case .fixed, .illegal:
            break
        case .rvmMemory:
            i.rd = UInt8.random(in: 0...7, using: &rng); i.rs1 = gpr(); i.rs2 = gpr()
        case .rvmZero:
            i.rd = UInt8.random(in: 0...7, using: &rng)
        case .rvmMultiply:
            i.rd = UInt8.random(in: 0...7, using: &rng)
            i.rs1 = UInt8.random(in: 0...7, using: &rng); i.rs2 = UInt8.random(in: 0...7, using: &rng)
        }
        i.word = (try? encode(i)) ?? 0
        return i
    }

    /// `count` instructions drawn uniformly over `opcodes`.
    mutating func batch(_ count: Int, of opcodes: [Opcode], canonicalFences: Bool = true) -> [Instruction] {
        (0..<count).map { _ in make(opcodes.randomElement(using: &rng)!, canonicalFences: canonicalFences) }
    }
}

extension Opcode {
    static let baseAndZicsr: [Opcode] = allCases.filter { $0 != .illegal && !$0.isRVM }
    static let rvm: [Opcode] = [.mldW, .mstW, .mzero, .mmasaW, .mmadaH, .mmaqaB, .fmmaccS]
    var isRVM: Bool { Opcode.rvm.contains(self) }
}
