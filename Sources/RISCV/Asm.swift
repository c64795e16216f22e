/// A small assembler for building test programs in Swift. Each function takes
/// its operands in assembly-text order and returns the encoded word; range
/// errors are thrown as `EncodingError`. Branch and jump offsets are bytes
/// relative to the instruction (`beq a0,a1,.+8` is `offset: 8`); `lui`/`auipc`
/// take the 20-bit value as written in assembly (`lui a0,0x12345`).
public enum Asm {
    static func word(_ op: Opcode, rd: UInt8 = 0, rs1: UInt8 = 0, rs2: UInt8 = 0,
                     imm: Int32 = 0) throws(EncodingError) -> UInt32 {
        try encode(Instruction(opcode: op, rd: rd, rs1: rs1, rs2: rs2, imm: imm, word: 0))
    }

    // U and J
    public static func lui(rd: Reg, imm: Int32) throws(EncodingError) -> UInt32 { try upper(.lui, rd, imm) }
    public static func auipc(rd: Reg, imm: Int32) throws(EncodingError) -> UInt32 { try upper(.auipc, rd, imm) }
    private static func upper(_ op: Opcode, _ rd: Reg, _ imm: Int32) throws(EncodingError) -> UInt32 {
        guard (0...0xFFFFF).contains(imm) else { throw .immediateOutOfRange(op, value: imm, range: 0...0xFFFFF) }
        return try word(op, rd: rd.number, imm: imm << 12)
    }
    public static func jal(rd: Reg, offset: Int32) throws(EncodingError) -> UInt32 { try word(.jal, rd: rd.number, imm: offset) }
    public static func jalr(rd: Reg, offset: Int32, rs1: Reg) throws(EncodingError) -> UInt32 {
        try word(.jalr, rd: rd.number, rs1: rs1.number, imm: offset)
    }

    // Branches
    public static func beq(rs1: Reg, rs2: Reg, offset: Int32) throws(EncodingError) -> UInt32 { try branch(.beq, rs1, rs2, offset) }
    public static func bne(rs1: Reg, rs2: Reg, offset: Int32) throws(EncodingError) -> UInt32 { try branch(.bne, rs1, rs2, offset) }
    public static func blt(rs1: Reg, rs2: Reg, offset: Int32) throws(EncodingError) -> UInt32 { try branch(.blt, rs1, rs2, offset) }
    public static func bge(rs1: Reg, rs2: Reg, offset: Int32) throws(EncodingError) -> UInt32 { try branch(.bge, rs1, rs2, offset) }
    public static func bltu(rs1: Reg, rs2: Reg, offset: Int32) throws(EncodingError) -> UInt32 { try branch(.bltu, rs1, rs2, offset) }
    public static func bgeu(rs1: Reg, rs2: Reg, offset: Int32) throws(EncodingError) -> UInt32 { try branch(.bgeu, rs1, rs2, offset) }
    private static func branch(_ op: Opcode, _ rs1: Reg, _ rs2: Reg, _ offset: Int32) throws(EncodingError) -> UInt32 {
        try word(op, rs1: rs1.number, rs2: rs2.number, imm: offset)
    }

    // Loads `op rd, offset(rs1)` and stores `op rs2, offset(rs1)`
    public static func lb(rd: Reg, offset: Int32, rs1: Reg) throws(EncodingError) -> UInt32 { try load(.lb, rd, offset, rs1) }
    public static func lh(rd: Reg, offset: Int32, rs1: Reg) throws(EncodingError) -> UInt32 { try load(.lh, rd, offset, rs1) }
    public static func lw(rd: Reg, offset: Int32, rs1: Reg) throws(EncodingError) -> UInt32 { try load(.lw, rd, offset, rs1) }
    public static func lbu(rd: Reg, offset: Int32, rs1: Reg) throws(EncodingError) -> UInt32 { try load(.lbu, rd, offset, rs1) }
    public static func lhu(rd: Reg, offset: Int32, rs1: Reg) throws(EncodingError) -> UInt32 { try load(.lhu, rd, offset, rs1) }
    private static func load(_ op: Opcode, _ rd: Reg, _ offset: Int32, _ rs1: Reg) throws(EncodingError) -> UInt32 {
        try word(op, rd: rd.number, rs1: rs1.number, imm: offset)
    }
    public static func sb(rs2: Reg, offset: Int32, rs1: Reg) throws(EncodingError) -> UInt32 { try store(.sb, rs2, offset, rs1) }
    public static func sh(rs2: Reg, offset: Int32, rs1: Reg) throws(EncodingError) -> UInt32 { try store(.sh, rs2, offset, rs1) }
    public static func sw(rs2: Reg, offset: Int32, rs1: Reg) throws(EncodingError) -> UInt32 { try store(.sw, rs2, offset, rs1) }
    private static func store(_ op: Opcode, _ rs2: Reg, _ offset: Int32, _ rs1: Reg) throws(EncodingError) -> UInt32 {
        try word(op, rs1: rs1.number, rs2: rs2.number, imm: offset)
    }

    // Register-immediate ALU (shift amounts in `imm`)
    public static func addi(rd: Reg, rs1: Reg, imm: Int32) throws(EncodingError) -> UInt32 { try word(.addi, rd: rd.number, rs1: rs1.number, imm: imm) }
    public static func slti(rd: Reg, rs1: Reg, imm: Int32) throws(EncodingError) -> UInt32 { try word(.slti, rd: rd.number, rs1: rs1.number, imm: imm) }
    public static func sltiu(rd: Reg, rs1: Reg, imm: Int32) throws(EncodingError) -> UInt32 { try word(.sltiu, rd: rd.number, rs1: rs1.number, imm: imm) }
    public static func xori(rd: Reg, rs1: Reg, imm: Int32) throws(EncodingError) -> UInt32 { try word(.xori, rd: rd.number, rs1: rs1.number, imm: imm) }
    public static func ori(rd: Reg, rs1: Reg, imm: Int32) throws(EncodingError) -> UInt32 { try word(.ori, rd: rd.number, rs1: rs1.number, imm: imm) }
    public static func andi(rd: Reg, rs1: Reg, imm: Int32) throws(EncodingError) -> UInt32 { try word(.andi, rd: rd.number, rs1: rs1.number, imm: imm) }
    public static func slli(rd: Reg, rs1: Reg, shamt: Int32) throws(EncodingError) -> UInt32 { try word(.slli, rd: rd.number, rs1: rs1.number, imm: shamt) }
    public static func srli(rd: Reg, rs1: Reg, shamt: Int32) throws(EncodingError) -> UInt32 { try word(.srli, rd: rd.number, rs1: rs1.number, imm: shamt) }
    public static func srai(rd: Reg, rs1: Reg, shamt: Int32) throws(EncodingError) -> UInt32 { try word(.srai, rd: rd.number, rs1: rs1.number, imm: shamt) }

    /// Any register-register instruction (RV32I ALU and M): `op rd, rs1, rs2`.
    public static func r(_ op: Opcode, rd: Reg, rs1: Reg, rs2: Reg) throws(EncodingError) -> UInt32 {
        guard op.format == .r else { throw .notRegisterRegister(op) }
        return try word(op, rd: rd.number, rs1: rs1.number, rs2: rs2.number)
    }
    public static func add(rd: Reg, rs1: Reg, rs2: Reg) throws(EncodingError) -> UInt32 { try r(.add, rd: rd, rs1: rs1, rs2: rs2) }
    public static func sub(rd: Reg, rs1: Reg, rs2: Reg) throws(EncodingError) -> UInt32 { try r(.sub, rd: rd, rs1: rs1, rs2: rs2) }
    public static func mul(rd: Reg, rs1: Reg, rs2: Reg) throws(EncodingError) -> UInt32 { try r(.mul, rd: rd, rs1: rs1, rs2: rs2) }
    public static func div(rd: Reg, rs1: Reg, rs2: Reg) throws(EncodingError) -> UInt32 { try r(.div, rd: rd, rs1: rs1, rs2: rs2) }
    public static func rem(rd: Reg, rs1: Reg, rs2: Reg) throws(EncodingError) -> UInt32 { try r(.rem, rd: rd, rs1: rs1, rs2: rs2) }

    // Zicsr: `csrrw rd, csr, rs1` and `csrrwi rd, csr, zimm`
    public static func csrrw(rd: Reg, csr: UInt16, rs1: Reg) throws(EncodingError) -> UInt32 { try word(.csrrw, rd: rd.number, rs1: rs1.number, imm: Int32(csr)) }
    public static func csrrs(rd: Reg, csr: UInt16, rs1: Reg) throws(EncodingError) -> UInt32 { try word(.csrrs, rd: rd.number, rs1: rs1.number, imm: Int32(csr)) }
    public static func csrrc(rd: Reg, csr: UInt16, rs1: Reg) throws(EncodingError) -> UInt32 { try word(.csrrc, rd: rd.number, rs1: rs1.number, imm: Int32(csr)) }
    public static func csrrwi(rd: Reg, csr: UInt16, zimm: UInt8) throws(EncodingError) -> UInt32 { try csrImm(.csrrwi, rd, csr, zimm) }
    public static func csrrsi(rd: Reg, csr: UInt16, zimm: UInt8) throws(EncodingError) -> UInt32 { try csrImm(.csrrsi, rd, csr, zimm) }
    public static func csrrci(rd: Reg, csr: UInt16, zimm: UInt8) throws(EncodingError) -> UInt32 { try csrImm(.csrrci, rd, csr, zimm) }
    private static func csrImm(_ op: Opcode, _ rd: Reg, _ csr: UInt16, _ zimm: UInt8) throws(EncodingError) -> UInt32 {
        guard zimm < 32 else { throw .immediateOutOfRange(op, value: Int32(zimm), range: 0...31) }
        return try word(op, rd: rd.number, rs1: zimm, imm: Int32(csr))
    }

    // System
    public static let ecall: UInt32 = 0x0000_0073
    public static let ebreak: UInt32 = 0x0010_0073
    public static let mret: UInt32 = 0x3020_0073
    public static let wfi: UInt32 = 0x1050_0073
    /// `fence pred,succ` with the 4-bit i/o/r/w sets (`fence` alone is 0xF, 0xF).
    public static func fence(pred: UInt8 = 0xF, succ: UInt8 = 0xF) throws(EncodingError) -> UInt32 {
        guard pred < 16, succ < 16 else {
            throw .immediateOutOfRange(.fence, value: Int32(max(pred, succ)), range: 0...15)
        }
        return try word(.fence, imm: Int32(pred) << 4 | Int32(succ))
    }
    public static let fenceI: UInt32 = 0x0000_100F

    // Common pseudo-instructions
    public static let nop: UInt32 = 0x0000_0013
    public static let ret: UInt32 = 0x0000_8067
    public static func mv(rd: Reg, rs: Reg) throws(EncodingError) -> UInt32 { try addi(rd: rd, rs1: rs, imm: 0) }
    public static func j(offset: Int32) throws(EncodingError) -> UInt32 { try jal(rd: .zero, offset: offset) }
    public static func csrr(rd: Reg, csr: UInt16) throws(EncodingError) -> UInt32 { try csrrs(rd: rd, csr: csr, rs1: .zero) }
    public static func csrw(csr: UInt16, rs: Reg) throws(EncodingError) -> UInt32 { try csrrw(rd: .zero, csr: csr, rs1: rs) }
    /// Any 32-bit constant: `addi` alone when it fits 12 bits, else `lui` + `addi`.
    public static func li(rd: Reg, value: Int32) throws(EncodingError) -> [UInt32] {
        if (-2048...2047).contains(value) { return [try addi(rd: rd, rs1: .zero, imm: value)] }
        let low = (value << 20) >> 20                       // sign-extended low 12 bits
        let high = Int32(bitPattern: UInt32(bitPattern: value &- low) >> 12)
        let lui = try lui(rd: rd, imm: high)
        return low == 0 ? [lui] : [lui, try addi(rd: rd, rs1: rd, imm: low)]
    }

    // RVM, in the vendor's text order (RVM-SPEC.md §1)
    /// `mld.w md, (base), stride`
    public static func mldW(md: Tile, base: Reg, stride: Reg) throws(EncodingError) -> UInt32 {
        try word(.mldW, rd: md.number, rs1: base.number, rs2: stride.number)
    }
    /// `mst.w ms, (base), stride`
    public static func mstW(ms: Tile, base: Reg, stride: Reg) throws(EncodingError) -> UInt32 {
        try word(.mstW, rd: ms.number, rs1: base.number, rs2: stride.number)
    }
    /// `mzero md`
    public static func mzero(md: Tile) throws(EncodingError) -> UInt32 { try word(.mzero, rd: md.number) }
    /// `mmasa.w md, ms2, ms1`: md[i][j] += sum_k ms1[i][k] * ms2[j][k].
    public static func mmasaW(md: Tile, ms2: Tile, ms1: Tile) throws(EncodingError) -> UInt32 { try multiply(.mmasaW, md, ms2, ms1) }
    public static func mmadaH(md: Tile, ms2: Tile, ms1: Tile) throws(EncodingError) -> UInt32 { try multiply(.mmadaH, md, ms2, ms1) }
    public static func mmaqaB(md: Tile, ms2: Tile, ms1: Tile) throws(EncodingError) -> UInt32 { try multiply(.mmaqaB, md, ms2, ms1) }
    public static func fmmaccS(md: Tile, ms2: Tile, ms1: Tile) throws(EncodingError) -> UInt32 { try multiply(.fmmaccS, md, ms2, ms1) }
    private static func multiply(_ op: Opcode, _ md: Tile, _ ms2: Tile, _ ms1: Tile) throws(EncodingError) -> UInt32 {
        try word(op, rd: md.number, rs1: ms1.number, rs2: ms2.number)
    }
}
