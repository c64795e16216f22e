/// Every operation the toolkit decodes: RV32I, M, Zicsr, the privileged
/// `mret`/`wfi`, and the 7 RVM matrix instructions (RVM-SPEC.md §1).
/// A UInt8 raw value keeps the pre-decoded form small and the dispatch switch dense.
public enum Opcode: UInt8, CaseIterable, Sendable {
    // RV32I
    case lui, auipc, jal, jalr
    case beq, bne, blt, bge, bltu, bgeu
    case lb, lh, lw, lbu, lhu, sb, sh, sw
    case addi, slti, sltiu, xori, ori, andi, slli, srli, srai
    case add, sub, sll, slt, sltu, xor, srl, sra, or, and
    case fence, fenceI, ecall, ebreak
    // Privileged
    case mret, wfi
    // Zicsr
    case csrrw, csrrs, csrrc, csrrwi, csrrsi, csrrci
    // M
    case mul, mulh, mulhsu, mulhu, div, divu, rem, remu
    // RVM (custom-1)
    case mldW, mstW, mzero, mmasaW, mmadaH, mmaqaB, fmmaccS
    /// A word that is none of the above.
    case illegal
}
