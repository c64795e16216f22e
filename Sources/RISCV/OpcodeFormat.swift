/// How an opcode's operands sit in the word and in `Instruction`'s fields.
/// Shared by the encoder, the disassembler and the random-instruction tests.
public enum InstructionFormat: Sendable {
    case r          // rd, rs1, rs2
    case i          // rd, rs1, imm (12-bit signed); loads, jalr, ALU immediates
    case shift      // rd, rs1, imm = shift amount 0...31
    case s          // rs1, rs2, imm (12-bit signed)
    case b          // rs1, rs2, imm (13-bit signed, even)
    case u          // rd, imm (low 12 bits zero)
    case j          // rd, imm (21-bit signed, even)
    case csr        // rd, rs1, imm = CSR number
    case csrImm     // rd, rs1 = zimm (0...31), imm = CSR number
    case fence      // rd, rs1, imm: reserved fields kept as decoded
    case fixed      // no operands: ecall, ebreak, mret, wfi
    case rvmMemory  // rd = tile (bits 9:7), rs1 = base GPR, rs2 = stride GPR
    case rvmZero    // rd = tile (bits 17:15)
    case rvmMultiply // rd = md, rs1 = ms1 (bits 20:18), rs2 = ms2 (bits 23:21)
    case illegal    // the raw word only
}

extension Opcode {
    public var format: InstructionFormat {
        switch self {
        case .lui, .auipc: return .u
        case .jal: return .j
        case .jalr, .lb, .lh, .lw, .lbu, .lhu, .addi, .slti, .sltiu, .xori, .ori, .andi: return .i
        case .slli, .srli, .srai: return .shift
        case .beq, .bne, .blt, .bge, .bltu, .bgeu: return .b
        case .sb, .sh, .sw: return .s
        case .add, .sub, .sll, .slt, .sltu, .xor, .srl, .sra, .or, .and,
             .mul, .mulh, .mulhsu, .mulhu, .div, .divu, .rem, .remu: return .r
        case .fence, .fenceI: return .fence
        case .ecall, .ebreak, .mret, .wfi: return .fixed
        case .csrrw, .csrrs, .csrrc: return .csr
        case .csrrwi, .csrrsi, .csrrci: return .csrImm
        case .mldW, .mstW: return .rvmMemory
        case .mzero: return .rvmZero
        case .mmasaW, .mmadaH, .mmaqaB, .fmmaccS: return .rvmMultiply
        case .illegal: return .illegal
        }
    }

    /// The assembler mnemonic (GNU spelling for the base ISA, the vendor's for RVM).
    public var mnemonic: String {
        switch self {
        case .fenceI: return "fence.i"
        case .mldW: return "mld.w"
        case .mstW: return "mst.w"
        case .mmasaW: return "mmasa.w"
        case .mmadaH: return "mmada.h"
        case .mmaqaB: return "mmaqa.b"
        case .fmmaccS: return "fmmacc.s"
        case .illegal: return ".word"
        default: return "\(self)"
        }
    }
}
