/// Encodes one instruction from its fields (`Instruction.word` is ignored,
/// except for `.illegal`, whose word is all there is). The inverse of
/// `decode`: for every valid word w, `encode(decode(w)) == w`, and for every
/// encodable x, `decode(encode(x))` has x's fields.
public func encode(_ inst: Instruction) throws(EncodingError) -> UInt32 {
    let op = inst.opcode
    let base = Encoding.fixedBits(op)
    switch op.format {
    case .r:
        try checkUnused(inst, .imm)
        return try base | gpr(inst, .rd) << 7 | gpr(inst, .rs1) << 15 | gpr(inst, .rs2) << 20
    case .i:
        try checkUnused(inst, .rs2)
        let imm = try signed(inst, bits: 12)
        return try base | gpr(inst, .rd) << 7 | gpr(inst, .rs1) << 15 | (imm & 0xFFF) << 20
    case .shift:
        try checkUnused(inst, .rs2)
        guard (0...31).contains(inst.imm) else { throw .immediateOutOfRange(op, value: inst.imm, range: 0...31) }
        return try base | gpr(inst, .rd) << 7 | gpr(inst, .rs1) << 15 | UInt32(inst.imm) << 20
    case .s:
        try checkUnused(inst, .rd)
        let imm = try signed(inst, bits: 12)
        return try base | (imm & 0x1F) << 7 | gpr(inst, .rs1) << 15 | gpr(inst, .rs2) << 20 | (imm >> 5 & 0x7F) << 25
    case .b:
        try checkUnused(inst, .rd)
        let imm = try signed(inst, bits: 13, multipleOf: 2)
        return try base | (imm >> 11 & 1) << 7 | (imm >> 1 & 0xF) << 8 | gpr(inst, .rs1) << 15
            | gpr(inst, .rs2) << 20 | (imm >> 5 & 0x3F) << 25 | (imm >> 12 & 1) << 31
    case .u:
        try checkUnused(inst, .rs1); try checkUnused(inst, .rs2)
        guard inst.imm & 0xFFF == 0 else { throw .immediateMisaligned(op, value: inst.imm, multipleOf: 4096) }
        return try base | gpr(inst, .rd) << 7 | UInt32(bitPattern: inst.imm)
    case .j:
        try checkUnused(inst, .rs1); try checkUnused(inst, .rs2)
        let imm = try signed(inst, bits: 21, multipleOf: 2)
        return try base | gpr(inst, .rd) << 7 | (imm & 0xFF000) | (imm >> 11 & 1) << 20
            | (imm >> 1 & 0x3FF) << 21 | (imm >> 20 & 1) << 31
    case .csr, .csrImm:
        try checkUnused(inst, .rs2)
        guard (0...4095).contains(inst.imm) else { throw .immediateOutOfRange(op, value: inst.imm, range: 0...4095) }
        return try base | gpr(inst, .rd) << 7 | gpr(inst, .rs1) << 15 | UInt32(inst.imm) << 20
    case .fence:
        // The reserved fields (rd, rs1, fm) round-trip as decoded.
        try checkUnused(inst, .rs2)
        let imm = try signed(inst, bits: 12)
        return try base | gpr(inst, .rd) << 7 | gpr(inst, .rs1) << 15 | (imm & 0xFFF) << 20
    case .fixed:
        try checkUnused(inst, .rd); try checkUnused(inst, .rs1)
        try checkUnused(inst, .rs2); try checkUnused(inst, .imm)
        return base
    case .rvmMemory:
        try checkUnused(inst, .imm)
        return try base | tile(inst, .rd) << 7 | gpr(inst, .rs1) << 15 | gpr(inst, .rs2) << 20
    case .rvmZero:
        try checkUnused(inst, .rs1); try checkUnused(inst, .rs2); try checkUnused(inst, .imm)
        return try base | tile(inst, .rd) << 15
    case .rvmMultiply:
        try checkUnused(inst, .imm)
        return try base | tile(inst, .rd) << 15 | tile(inst, .rs1) << 18 | tile(inst, .rs2) << 21
    case .illegal:
        guard decode(inst.word).opcode == .illegal else { throw .wordIsNotIllegal(inst.word) }
        return inst.word
    }
}

/// The bits each opcode fixes (major opcode, funct3, funct7; whole word for
/// the operand-less system instructions).
enum Encoding {
    static func fixedBits(_ op: Opcode) -> UInt32 {
        switch op {
        case .lui: return 0x37
        case .auipc: return 0x17
        case .jal: return 0x6F
        case .jalr: return 0x67
        case .beq: return branch(0)
        case .bne: return branch(1)
        case .blt: return branch(4)
        case .bge: return branch(5)
        case .bltu: return branch(6)
        case .bgeu: return branch(7)
        case .lb: return load(0)
        case .lh: return load(1)
        case .lw: return load(2)
        case .lbu: return load(4)
        case .lhu: return load(5)
        case .sb: return store(0)
        case .sh: return store(1)
        case .sw: return store(2)
        case .addi: return opImm(0)
        case .slti: return opImm(2)
        case .sltiu: return opImm(3)
        case .xori: return opImm(4)
        case .ori: return opImm(6)
        case .andi: return opImm(7)
        case .slli: return opImm(1)
        case .srli: return opImm(5)
        case .srai: return opImm(5) | 0x20 << 25
        case .add: return aluOp(0, 0)
        case .sub: return aluOp(0, 0x20)
        case .sll: return aluOp(1, 0)
        case .slt: return aluOp(2, 0)
        case .sltu: return aluOp(3, 0)
        case .xor: return aluOp(4, 0)
        case .srl: return aluOp(5, 0)
        case .sra: return aluOp(5, 0x20)
        case .or: return aluOp(6, 0)
        case .and: return aluOp(7, 0)
        case .mul: return aluOp(0, 1)
        case .mulh: return aluOp(1, 1)
        case .mulhsu: return aluOp(2, 1)
        case .mulhu: return aluOp(3, 1)
        case .div: return aluOp(4, 1)
        case .divu: return aluOp(5, 1)
        case .rem: return aluOp(6, 1)
        case .remu: return aluOp(7, 1)
        case .fence: return 0x0F
        case .fenceI: return 0x0F | 1 << 12
        case .ecall: return 0x0000_0073
        case .ebreak: return 0x0010_0073
        case .mret: return 0x3020_0073
        case .wfi: return 0x1050_0073
        case .csrrw: return system(1)
        case .csrrs: return system(2)
        case .csrrc: return system(3)
        case .csrrwi: return system(5)
        case .csrrsi: return system(6)
        case .csrrci: return system(7)
        case .mldW, .mstW, .mzero, .mmasaW, .mmadaH, .mmaqaB, .fmmaccS:
            return RVMEncoding.all.first { $0.opcode == op }?.match ?? 0
        case .illegal: return 0
        }
    }
    private static func branch(_ f3: UInt32) -> UInt32 { 0x63 | f3 << 12 }
    private static func load(_ f3: UInt32) -> UInt32 { 0x03 | f3 << 12 }
    private static func store(_ f3: UInt32) -> UInt32 { 0x23 | f3 << 12 }
    private static func opImm(_ f3: UInt32) -> UInt32 { 0x13 | f3 << 12 }
    private static func aluOp(_ f3: UInt32, _ f7: UInt32) -> UInt32 { 0x33 | f3 << 12 | f7 << 25 }
    private static func system(_ f3: UInt32) -> UInt32 { 0x73 | f3 << 12 }
}

private func value(_ inst: Instruction, _ field: EncodingError.Field) -> UInt8 {
    switch field {
    case .rd: return inst.rd
    case .rs1: return inst.rs1
    case .rs2: return inst.rs2
    case .imm: return 0
    }
}

private func gpr(_ inst: Instruction, _ field: EncodingError.Field) throws(EncodingError) -> UInt32 {
    let n = value(inst, field)
    guard n < 32 else { throw .registerOutOfRange(inst.opcode, field, value: n, max: 31) }
    return UInt32(n)
}

private func tile(_ inst: Instruction, _ field: EncodingError.Field) throws(EncodingError) -> UInt32 {
    let n = value(inst, field)
    guard n < 8 else { throw .registerOutOfRange(inst.opcode, field, value: n, max: 7) }
    return UInt32(n)
}

private func checkUnused(_ inst: Instruction, _ field: EncodingError.Field) throws(EncodingError) {
    let v = field == .imm ? inst.imm : Int32(value(inst, field))
    guard v == 0 else { throw .unusedFieldNotZero(inst.opcode, field, value: v) }
}

/// `imm` as a two's-complement bit pattern after checking it fits `bits` bits.
private func signed(_ inst: Instruction, bits: Int32, multipleOf: Int32 = 1) throws(EncodingError) -> UInt32 {
    let range = -(Int32(1) << (bits - 1))...((Int32(1) << (bits - 1)) - multipleOf)
    guard range.contains(inst.imm) else { throw .immediateOutOfRange(inst.opcode, value: inst.imm, range: range) }
    guard inst.imm % multipleOf == 0 else {
        throw .immediateMisaligned(inst.opcode, value: inst.imm, multipleOf: multipleOf)
    }
    return UInt32(bitPattern: inst.imm)
}
