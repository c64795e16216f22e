/// Decodes one 32-bit word. Never fails: unknown words become `.illegal`.
public func decode(_ word: UInt32) -> Instruction {
    let opcodeBits = word & 0x7F
    let rd = UInt8((word >> 7) & 0x1F)
    let funct3 = (word >> 12) & 0x7
    let rs1 = UInt8((word >> 15) & 0x1F)
    let rs2 = UInt8((word >> 20) & 0x1F)
    let funct7 = word >> 25
    let illegal = Instruction(opcode: .illegal, word: word)

    func make(_ op: Opcode, rd: UInt8 = 0, rs1: UInt8 = 0, rs2: UInt8 = 0, imm: Int32 = 0) -> Instruction {
        Instruction(opcode: op, rd: rd, rs1: rs1, rs2: rs2, imm: imm, word: word)
    }

    switch opcodeBits {
    case 0x37: return make(.lui, rd: rd, imm: Immediate.u(word))
    case 0x17: return make(.auipc, rd: rd, imm: Immediate.u(word))
    case 0x6F: return make(.jal, rd: rd, imm: Immediate.j(word))
    case 0x67:
        guard funct3 == 0 else { return illegal }
        return make(.jalr, rd: rd, rs1: rs1, imm: Immediate.i(word))
    case 0x63:
        let ops: [Opcode?] = [.beq, .bne, nil, nil, .blt, .bge, .bltu, .bgeu]
        guard let op = ops[Int(funct3)] else { return illegal }
        return make(op, rs1: rs1, rs2: rs2, imm: Immediate.b(word))
    case 0x03:
        let ops: [Opcode?] = [.lb, .lh, .lw, nil, .lbu, .lhu, nil, nil]
        guard let op = ops[Int(funct3)] else { return illegal }
        return make(op, rd: rd, rs1: rs1, imm: Immediate.i(word))
    case 0x23:
        let ops: [Opcode?] = [.sb, .sh, .sw, nil, nil, nil, nil, nil]
        guard let op = ops[Int(funct3)] else { return illegal }
        return make(op, rs1: rs1, rs2: rs2, imm: Immediate.s(word))
    case 0x13:
        switch funct3 {
        case 0: return make(.addi, rd: rd, rs1: rs1, imm: Immediate.i(word))
        case 2: return make(.slti, rd: rd, rs1: rs1, imm: Immediate.i(word))
        case 3: return make(.sltiu, rd: rd, rs1: rs1, imm: Immediate.i(word))
        case 4: return make(.xori, rd: rd, rs1: rs1, imm: Immediate.i(word))
        case 6: return make(.ori, rd: rd, rs1: rs1, imm: Immediate.i(word))
        case 7: return make(.andi, rd: rd, rs1: rs1, imm: Immediate.i(word))
        case 1:
            guard funct7 == 0 else { return illegal }
            return make(.slli, rd: rd, rs1: rs1, imm: Int32(rs2))
        case 5:
            switch funct7 {
            case 0x00: return make(.srli, rd: rd, rs1: rs1, imm: Int32(rs2))
            case 0x20: return make(.srai, rd: rd, rs1: rs1, imm: Int32(rs2))
            default: return illegal
            }
        default: return illegal
        }
    case 0x33:
        switch funct7 {
        case 0x00:
            let ops: [Opcode] = [.add, .sll, .slt, .sltu, .xor, .srl, .or, .and]
            return make(ops[Int(funct3)], rd: rd, rs1: rs1, rs2: rs2)
        case 0x20:
            switch funct3 {
            case 0: return make(.sub, rd: rd, rs1: rs1, rs2: rs2)
            case 5: return make(.sra, rd: rd, rs1: rs1, rs2: rs2)
            default: return illegal
            }
        case 0x01:
            let ops: [Opcode] = [.mul, .mulh, .mulhsu, .mulhu, .div, .divu, .rem, .remu]
            return make(ops[Int(funct3)], rd: rd, rs1: rs1, rs2: rs2)
        default: return illegal
        }
    case 0x0F:
        switch funct3 {
        case 0: return make(.fence, rd: rd, rs1: rs1, imm: Immediate.i(word))
        case 1: return make(.fenceI, rd: rd, rs1: rs1, imm: Immediate.i(word))
        default: return illegal
        }
    case 0x73:
        let csr = Int32(word >> 20)
        switch funct3 {
        case 0:
            switch word {
            case 0x0000_0073: return make(.ecall)
            case 0x0010_0073: return make(.ebreak)
            case 0x3020_0073: return make(.mret)
            case 0x1050_0073: return make(.wfi)
            default: return illegal
            }
        case 1: return make(.csrrw, rd: rd, rs1: rs1, imm: csr)
        case 2: return make(.csrrs, rd: rd, rs1: rs1, imm: csr)
        case 3: return make(.csrrc, rd: rd, rs1: rs1, imm: csr)
        case 5: return make(.csrrwi, rd: rd, rs1: rs1, imm: csr)
        case 6: return make(.csrrsi, rd: rd, rs1: rs1, imm: csr)
        case 7: return make(.csrrci, rd: rd, rs1: rs1, imm: csr)
        default: return illegal
        }
    case 0x2B:
        return decodeRVM(word) ?? illegal
    default:
        return illegal
    }
}

/// RVM-SPEC.md §1: each instruction is identified by its fixed bits under a mask.
private func decodeRVM(_ word: UInt32) -> Instruction? {
    let tileD = UInt8((word >> 15) & 0x7)
    let tileS1 = UInt8((word >> 18) & 0x7)
    let tileS2 = UInt8((word >> 21) & 0x7)
    for pattern in RVMEncoding.all where word & pattern.mask == pattern.match {
        switch pattern.opcode {
        case .mldW, .mstW:
            return Instruction(opcode: pattern.opcode, rd: UInt8((word >> 7) & 0x7),
                               rs1: UInt8((word >> 15) & 0x1F), rs2: UInt8((word >> 20) & 0x1F), word: word)
        case .mzero:
            return Instruction(opcode: .mzero, rd: tileD, word: word)
        default:
            return Instruction(opcode: pattern.opcode, rd: tileD, rs1: tileS1, rs2: tileS2, word: word)
        }
    }
    return nil
}

/// The fixed-bit patterns of RVM-SPEC.md §1 (match value and mask).
public enum RVMEncoding {
    public struct Pattern: Sendable {
        public let opcode: Opcode
        public let match: UInt32
        public let mask: UInt32
    }
    public static let all: [Pattern] = [
        Pattern(opcode: .fmmaccS, match: 0x0800_082B, mask: 0xFF00_7FFF),
        Pattern(opcode: .mmasaW, match: 0xF000_082B, mask: 0xFF00_7FFF),
        Pattern(opcode: .mmadaH, match: 0xE000_042B, mask: 0xFF00_7FFF),
        Pattern(opcode: .mmaqaB, match: 0x1000_002B, mask: 0xFF00_7FFF),
        Pattern(opcode: .mzero, match: 0xF800_002B, mask: 0xFFFC_7FFF),
        Pattern(opcode: .mldW, match: 0x0400_082B, mask: 0xFE00_7C7F),
        Pattern(opcode: .mstW, match: 0x0C00_082B, mask: 0xFE00_7C7F),
    ]
}

/// Immediate extraction per RISC-V base formats, sign-extended.
public enum Immediate {
    @inline(__always) public static func i(_ w: UInt32) -> Int32 { Int32(bitPattern: w) >> 20 }
    @inline(__always) public static func s(_ w: UInt32) -> Int32 {
        (Int32(bitPattern: w & 0xFE00_0000) >> 20) | Int32((w >> 7) & 0x1F)
    }
    @inline(__always) public static func b(_ w: UInt32) -> Int32 {
        let sign = Int32(bitPattern: w & 0x8000_0000) >> 19          // bit 12 and up
        let b11 = Int32((w >> 7) & 0x1) << 11
        let b10_5 = Int32((w >> 25) & 0x3F) << 5
        let b4_1 = Int32((w >> 8) & 0xF) << 1
        return sign | b11 | b10_5 | b4_1
    }
    @inline(__always) public static func u(_ w: UInt32) -> Int32 { Int32(bitPattern: w & 0xFFFF_F000) }
    @inline(__always) public static func j(_ w: UInt32) -> Int32 {
        let sign = Int32(bitPattern: w & 0x8000_0000) >> 11          // bit 20 and up
        let b19_12 = Int32(w & 0x000F_F000)
        let b11 = Int32((w >> 20) & 0x1) << 11
        let b10_1 = Int32((w >> 21) & 0x3FF) << 1
        return sign | b19_12 | b11 | b10_1
    }
}
