import RISCV

/// An RTL erratum of Quadrilatero e4b18812 hit by the program (SPEC §2
/// "Errata"): such code hangs real hardware, so the simulator reports it.
public struct Erratum: Codable, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Codable, Sendable {
        /// `mst.w` of m0 is never performed and the coprocessor stops accepting work two instructions later.
        case storeOfM0
        /// A matrix multiply whose two sources are the same register hangs the coprocessor.
        case sameSourceRegisters
    }
    public var kind: Kind
    public var pc: UInt32
    public var instruction: UInt32

    public var description: String {
        let hex = { (v: UInt32) in "0x" + String(v, radix: 16) }
        switch kind {
        case .storeOfM0:
            return "erratum at pc \(hex(pc)) (insn \(hex(instruction))): mst.w of m0 is lost on the RTL and hangs the coprocessor"
        case .sameSourceRegisters:
            return "erratum at pc \(hex(pc)) (insn \(hex(instruction))): matrix multiply with ms1 == ms2 hangs the coprocessor"
        }
    }

    /// The erratum `inst` hits, if any.
    static func check(_ inst: Instruction, pc: UInt32) -> Erratum? {
        switch inst.opcode {
        case .mstW where inst.rd == 0:
            return Erratum(kind: .storeOfM0, pc: pc, instruction: inst.word)
        case .mmasaW, .mmadaH, .mmaqaB, .fmmaccS:
            return inst.rs1 == inst.rs2 ? Erratum(kind: .sameSourceRegisters, pc: pc, instruction: inst.word) : nil
        default:
            return nil
        }
    }
}

/// Why a timed run must be reported as failed (`--errata error`, `--strict-hazards`).
public enum TimingFailure: Error, Sendable, Equatable, CustomStringConvertible {
    case erratum(Erratum)
    case hazard(MemoryHazard)

    public var description: String {
        switch self {
        case .erratum(let e): return e.description
        case .hazard(let h): return h.description
        }
    }
}
