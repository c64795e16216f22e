/// A decoded instruction: the pre-decoded form the simulator caches per word.
///
/// Field use by format:
/// - R/I/S/B/U/J: `rd`, `rs1`, `rs2` are GPR numbers; `imm` is the sign-extended
///   immediate (byte offset for branches and jumps; already shifted for lui/auipc;
///   the shift amount for slli/srli/srai).
/// - CSR: `imm` holds the CSR number (0...4095); for the `*i` forms `rs1`
///   holds the 5-bit zero-extended immediate (zimm).
/// - RVM `mld.w`/`mst.w`: `rd` is the tile register (md / ms3, bits 9:7),
///   `rs1` the base GPR, `rs2` the row-stride GPR.
/// - RVM `mzero`: `rd` is md (bits 17:15).
/// - RVM `mmasa.w`, `mmada.h`, `mmaqa.b`, `fmmacc.s`: `rd` = md (bits 17:15),
///   `rs1` = ms1 (bits 20:18), `rs2` = ms2 (bits 23:21): ENCODING fields, not
///   text order (the text is `op md, ms2, ms1`).
public struct Instruction: Equatable, Hashable, Sendable {
    public var opcode: Opcode
    public var rd: UInt8
    public var rs1: UInt8
    public var rs2: UInt8
    public var imm: Int32
    /// The original 32-bit word.
    public var word: UInt32

    public init(opcode: Opcode, rd: UInt8 = 0, rs1: UInt8 = 0, rs2: UInt8 = 0, imm: Int32 = 0, word: UInt32) {
        self.opcode = opcode
        self.rd = rd
        self.rs1 = rs1
        self.rs2 = rs2
        self.imm = imm
        self.word = word
    }
}
