import RISCV

/// How the timing model groups opcodes, and which GPRs each one reads and
/// writes (for the load-use and jalr-dependency stalls). Tables indexed by the
/// opcode's raw value so the per-instruction path is two array loads.
enum InstructionClass: UInt8, Sendable {
    case alu, mul, mulh, div, load, store, branch, jal, jalr, csr, fence, fenceI
    case mret, wfi, system, rvmLoad, rvmStore, rvmZero, rvmMatmul, illegal
}

struct OpcodeTable: Sendable {
    /// Bit 0: reads rs1; bit 1: reads rs2 (GPRs).
    let sources: [UInt8]
    let writesRd: [Bool]
    let klass: [InstructionClass]

    static let shared = OpcodeTable()

    private init() {
        let n = Opcode.allCases.count
        var sources = [UInt8](repeating: 0, count: n)
        var writes = [Bool](repeating: false, count: n)
        var klass = [InstructionClass](repeating: .illegal, count: n)
        for op in Opcode.allCases {
            let i = Int(op.rawValue)
            switch op {
            case .lui, .auipc:
                klass[i] = .alu; writes[i] = true
            case .jal:
                klass[i] = .jal; writes[i] = true
            case .jalr:
                klass[i] = .jalr; writes[i] = true; sources[i] = 1
            case .beq, .bne, .blt, .bge, .bltu, .bgeu:
                klass[i] = .branch; sources[i] = 3
            case .lb, .lh, .lw, .lbu, .lhu:
                klass[i] = .load; writes[i] = true; sources[i] = 1
            case .sb, .sh, .sw:
                klass[i] = .store; sources[i] = 3
            case .addi, .slti, .sltiu, .xori, .ori, .andi, .slli, .srli, .srai:
                klass[i] = .alu; writes[i] = true; sources[i] = 1
            case .add, .sub, .sll, .slt, .sltu, .xor, .srl, .sra, .or, .and:
                klass[i] = .alu; writes[i] = true; sources[i] = 3
            case .fence:
                klass[i] = .fence
            case .fenceI:
                klass[i] = .fenceI
            case .ecall, .ebreak:
                klass[i] = .system
            case .mret:
                klass[i] = .mret
            case .wfi:
                klass[i] = .wfi
            case .csrrw, .csrrs, .csrrc:
                klass[i] = .csr; writes[i] = true; sources[i] = 1
            case .csrrwi, .csrrsi, .csrrci:
                klass[i] = .csr; writes[i] = true
            case .mul:
                klass[i] = .mul; writes[i] = true; sources[i] = 3
            case .mulh, .mulhsu, .mulhu:
                klass[i] = .mulh; writes[i] = true; sources[i] = 3
            case .div, .divu, .rem, .remu:
                klass[i] = .div; writes[i] = true; sources[i] = 3
            case .mldW:
                klass[i] = .rvmLoad; sources[i] = 3
            case .mstW:
                klass[i] = .rvmStore; sources[i] = 3
            case .mzero:
                klass[i] = .rvmZero
            case .mmasaW, .mmadaH, .mmaqaB, .fmmaccS:
                klass[i] = .rvmMatmul   // tile registers only: no GPR read
            case .illegal:
                klass[i] = .illegal
            }
        }
        self.sources = sources
        self.writesRd = writes
        self.klass = klass
    }
}

/// Access size in bytes of a scalar load or store.
@inline(__always) func accessSize(_ op: Opcode) -> UInt32 {
    switch op {
    case .lb, .lbu, .sb: return 1
    case .lh, .lhu, .sh: return 2
    default: return 4
    }
}

/// Mnemonic for reports and timelines.
func mnemonic(_ op: Opcode) -> String {
    switch op {
    case .mldW: return "mld.w"
    case .mstW: return "mst.w"
    case .mmasaW: return "mmasa.w"
    case .mmadaH: return "mmada.h"
    case .mmaqaB: return "mmaqa.b"
    case .fmmaccS: return "fmmacc.s"
    case .fenceI: return "fence.i"
    default: return String(describing: op)
    }
}
