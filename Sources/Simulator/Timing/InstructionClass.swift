import RISCV

/// How the timing model groups opcodes, and which GPRs each one reads and
/// writes (for the load-use and jalr-dependency stalls). One table indexed by
/// the opcode's raw value replaces a switch per instruction.
public enum InstructionClass: UInt8, Sendable {
    case alu, mul, mulh, div, load, store, branch, jal, jalr, csr, fence, fenceI
    case mret, wfi, system, rvmLoad, rvmStore, rvmZero, rvmMatmul, illegal

    /// Whether its opcodes write rd (a GPR). A property of the class, so the
    /// fast path, which gets the class as a constant, needs no lookup for it.
    @inlinable public var writesRd: Bool {
        @inline(__always) get {
            switch self {
            case .alu, .mul, .mulh, .div, .load, .jal, .jalr, .csr: return true
            case .store, .branch, .fence, .fenceI, .mret, .wfi, .system, .rvmLoad, .rvmStore, .rvmZero, .rvmMatmul,
                 .illegal: return false
            }
        }
    }
}

/// What the timing model needs to know of one opcode, packed so the
/// per-instruction path reads it with one load.
@usableFromInline struct OpcodeInfo: Sendable {
    @usableFromInline var klass: InstructionClass = .illegal
    /// Bit 0: reads rs1; bit 1: reads rs2 (GPRs).
    @usableFromInline var sources: UInt8 = 0
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
            let klass: InstructionClass, sources: UInt8
            switch op {
            case .lui, .auipc: (klass, sources) = (.alu, 0)
            case .jal: (klass, sources) = (.jal, 0)
            case .jalr: (klass, sources) = (.jalr, 1)
            case .beq, .bne, .blt, .bge, .bltu, .bgeu: (klass, sources) = (.branch, 3)
            case .lb, .lh, .lw, .lbu, .lhu: (klass, sources) = (.load, 1)
            case .sb, .sh, .sw: (klass, sources) = (.store, 3)
            case .addi, .slti, .sltiu, .xori, .ori, .andi, .slli, .srli, .srai: (klass, sources) = (.alu, 1)
            case .add, .sub, .sll, .slt, .sltu, .xor, .srl, .sra, .or, .and: (klass, sources) = (.alu, 3)
            case .fence: (klass, sources) = (.fence, 0)
            case .fenceI: (klass, sources) = (.fenceI, 0)
            case .ecall, .ebreak: (klass, sources) = (.system, 0)
            case .mret: (klass, sources) = (.mret, 0)
            case .wfi: (klass, sources) = (.wfi, 0)
            case .csrrw, .csrrs, .csrrc: (klass, sources) = (.csr, 1)
            case .csrrwi, .csrrsi, .csrrci: (klass, sources) = (.csr, 0)
            case .mul: (klass, sources) = (.mul, 3)
            case .mulh, .mulhsu, .mulhu: (klass, sources) = (.mulh, 3)
            case .div, .divu, .rem, .remu: (klass, sources) = (.div, 3)
            case .mldW: (klass, sources) = (.rvmLoad, 3)
            case .mstW: (klass, sources) = (.rvmStore, 3)
            case .mzero: (klass, sources) = (.rvmZero, 0)
            case .mmasaW, .mmadaH, .mmaqaB, .fmmaccS: (klass, sources) = (.rvmMatmul, 0)  // tile registers only
            case .illegal: (klass, sources) = (.illegal, 0)
            }
            table[Int(op.rawValue)] = OpcodeInfo(klass: klass, sources: sources, size: UInt8(accessSize(op)))
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
