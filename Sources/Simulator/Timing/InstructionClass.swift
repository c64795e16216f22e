import RISCV

/// How the timing model groups opcodes, and which GPRs each one reads and
/// writes (for the load-use and jalr-dependency stalls). One table indexed by
/// the opcode's raw value replaces a switch per instruction.
public enum InstructionClass: UInt8, Sendable {
    case alu, mul, mulh, div, load, store, branch, jal, jalr, csr, fence, fenceI
    case mret, wfi, system, rvmLoad, rvmStore, rvmZero, rvmMatmul, illegal
}

/// What the timing model needs to know of one opcode, packed so the
/// per-instruction path reads it with one load.
@usableFromInline struct OpcodeInfo: Sendable {
    @usableFromInline var klass: InstructionClass = .illegal
    /// Bit 0: reads rs1; bit 1: reads rs2 (GPRs).
    @usableFromInline var sources: UInt8 = 0
    @usableFromInline var writesRd = false
    /// Access size in bytes of a scalar load or store (1 otherwise).
    @usableFromInline var size: UInt8 = 1
}

enum OpcodeTable {
    /// `info` in memory that is never freed, for the per-instruction lookup
    /// (no bounds check, no array retain in the core's loop). Opcode raw values
    /// are always in range: the table has one entry per case.
    nonisolated(unsafe) static let pointer: UnsafePointer<OpcodeInfo> = {
        let buffer = UnsafeMutablePointer<OpcodeInfo>.allocate(capacity: info.count)
        buffer.initialize(from: info, count: info.count)
        return UnsafePointer(buffer)
    }()

    /// Indexed by `Opcode.rawValue`.
    static let info: [OpcodeInfo] = {
        var table = [OpcodeInfo](repeating: OpcodeInfo(), count: Opcode.allCases.count)
        for op in Opcode.allCases {
            let klass: InstructionClass, sources: UInt8, writes: Bool
            switch op {
            case .lui, .auipc: (klass, sources, writes) = (.alu, 0, true)
            case .jal: (klass, sources, writes) = (.jal, 0, true)
            case .jalr: (klass, sources, writes) = (.jalr, 1, true)
            case .beq, .bne, .blt, .bge, .bltu, .bgeu: (klass, sources, writes) = (.branch, 3, false)
            case .lb, .lh, .lw, .lbu, .lhu: (klass, sources, writes) = (.load, 1, true)
            case .sb, .sh, .sw: (klass, sources, writes) = (.store, 3, false)
            case .addi, .slti, .sltiu, .xori, .ori, .andi, .slli, .srli, .srai: (klass, sources, writes) = (.alu, 1, true)
            case .add, .sub, .sll, .slt, .sltu, .xor, .srl, .sra, .or, .and: (klass, sources, writes) = (.alu, 3, true)
            case .fence: (klass, sources, writes) = (.fence, 0, false)
            case .fenceI: (klass, sources, writes) = (.fenceI, 0, false)
            case .ecall, .ebreak: (klass, sources, writes) = (.system, 0, false)
            case .mret: (klass, sources, writes) = (.mret, 0, false)
            case .wfi: (klass, sources, writes) = (.wfi, 0, false)
            case .csrrw, .csrrs, .csrrc: (klass, sources, writes) = (.csr, 1, true)
            case .csrrwi, .csrrsi, .csrrci: (klass, sources, writes) = (.csr, 0, true)
            case .mul: (klass, sources, writes) = (.mul, 3, true)
            case .mulh, .mulhsu, .mulhu: (klass, sources, writes) = (.mulh, 3, true)
            case .div, .divu, .rem, .remu: (klass, sources, writes) = (.div, 3, true)
            case .mldW: (klass, sources, writes) = (.rvmLoad, 3, false)
            case .mstW: (klass, sources, writes) = (.rvmStore, 3, false)
            case .mzero: (klass, sources, writes) = (.rvmZero, 0, false)
            case .mmasaW, .mmadaH, .mmaqaB, .fmmaccS: (klass, sources, writes) = (.rvmMatmul, 0, false)  // tile registers only
            case .illegal: (klass, sources, writes) = (.illegal, 0, false)
            }
            table[Int(op.rawValue)] = OpcodeInfo(klass: klass, sources: sources, writesRd: writes,
                                                 size: UInt8(accessSize(op)))
        }
        return table
    }()
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
