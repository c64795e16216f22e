/// The machine-mode CSRs of cv32e40p that programs use (openhwgroup/cv32e40p
/// docs/source/control_status_registers.rst). Unknown numbers are illegal.
///
/// Counters: `mcycle` counts the timing observer's cycles and `minstret`
/// retired instructions, each a `HardwareCounter` (see there for when a write
/// takes effect). `mcountinhibit` bit 0 (cycle) and bit 2 (instret) freeze
/// them; its reset value is 0xD as on cv32e40p, so programs must clear it
/// before counting, as the vendor's programs do (RVM-SPEC.md §3).
struct CSRFile {
    static let mstatus: UInt16 = 0x300, misa: UInt16 = 0x301, mie: UInt16 = 0x304, mtvec: UInt16 = 0x305
    static let mcountinhibit: UInt16 = 0x320, mscratch: UInt16 = 0x340, mepc: UInt16 = 0x341
    static let mcause: UInt16 = 0x342, mtval: UInt16 = 0x343, mip: UInt16 = 0x344
    static let mcycle: UInt16 = 0xB00, minstret: UInt16 = 0xB02, mcycleh: UInt16 = 0xB80, minstreth: UInt16 = 0xB82
    static let cycle: UInt16 = 0xC00, instret: UInt16 = 0xC02, cycleh: UInt16 = 0xC80, instreth: UInt16 = 0xC82
    static let mvendorid: UInt16 = 0xF11, marchid: UInt16 = 0xF12, mimpid: UInt16 = 0xF13, mhartid: UInt16 = 0xF14

    /// mstatus bits this core keeps (M-mode only: MPP reads as 3).
    static let mstatusMIE: UInt32 = 1 << 3, mstatusMPIE: UInt32 = 1 << 7, mstatusMPP: UInt32 = 3 << 11
    /// RV32 (MXL = 1), I, M, and X (non-standard extensions: RVM).
    static let misaValue: UInt32 = (1 << 30) | (1 << 8) | (1 << 12) | (1 << 23)
    /// OpenHW Group's JEDEC id and cv32e40p's architecture id.
    static let vendorID: UInt32 = 0x602, architectureID: UInt32 = 4

    var mstatus: UInt32 = mstatusMPP
    var mie: UInt32 = 0
    var mtvec: UInt32 = 0
    var mscratch: UInt32 = 0
    var mepc: UInt32 = 0
    var mcause: UInt32 = 0
    var mtval: UInt32 = 0
    var mcountinhibit: UInt32 = 0xD
    var cycleCounter = HardwareCounter(inhibited: true)
    var instretCounter = HardwareCounter(inhibited: true)

    /// The CSR's value, or nil when the CSR does not exist.
    func read(_ number: UInt16, cycles: UInt64, instret: UInt64) -> UInt32? {
        switch number {
        case Self.mstatus: return mstatus
        case Self.misa: return Self.misaValue
        case Self.mie: return mie
        case Self.mtvec: return mtvec
        case Self.mcountinhibit: return mcountinhibit
        case Self.mscratch: return mscratch
        case Self.mepc: return mepc
        case Self.mcause: return mcause
        case Self.mtval: return mtval
        case Self.mip: return 0
        case Self.mcycle, Self.cycle: return UInt32(truncatingIfNeeded: cycleValue(cycles))
        case Self.mcycleh, Self.cycleh: return UInt32(truncatingIfNeeded: cycleValue(cycles) >> 32)
        case Self.minstret, Self.instret: return UInt32(truncatingIfNeeded: instretValue(instret))
        case Self.minstreth, Self.instreth: return UInt32(truncatingIfNeeded: instretValue(instret) >> 32)
        case 0x323...0x33F, 0xB03...0xB1F, 0xB83...0xB9F, 0xC03...0xC1F, 0xC83...0xC9F:
            return 0   // event selectors and unimplemented event counters read 0
        case Self.mvendorid: return Self.vendorID
        case Self.marchid: return Self.architectureID
        case Self.mimpid, Self.mhartid: return 0
        default: return nil
        }
    }

    /// Writes a CSR; false when the CSR does not exist or is read-only.
    mutating func write(_ number: UInt16, _ value: UInt32, cycles: UInt64, instret: UInt64) -> Bool {
        if number >> 10 == 0b11 { return false }   // read-only range (privileged spec §2.1)
        switch number {
        case Self.mstatus: mstatus = (value & (Self.mstatusMIE | Self.mstatusMPIE)) | Self.mstatusMPP
        case Self.misa: break                        // WARL, fixed
        case Self.mie: mie = value
        case Self.mtvec: mtvec = value & ~2          // modes 0 (direct) and 1 (vectored)
        case Self.mcountinhibit:
            mcountinhibit = value
            cycleCounter.setInhibited(value & 1 != 0, now: cycles)
            instretCounter.setInhibited(value & 4 != 0, now: instret)
        case Self.mscratch: mscratch = value
        case Self.mepc: mepc = value & ~3            // IALIGN = 32
        case Self.mcause: mcause = value
        case Self.mtval: mtval = value
        case Self.mip: break
        // minstret: the count including this instruction, whose increment the write replaces.
        case Self.mcycle: cycleCounter.writeLow(value, now: cycles)
        case Self.mcycleh: cycleCounter.writeHigh(value, now: cycles)
        case Self.minstret: instretCounter.writeLow(value, now: instret &+ 1)
        case Self.minstreth: instretCounter.writeHigh(value, now: instret &+ 1)
        case 0x323...0x33F, 0xB03...0xB1F, 0xB83...0xB9F: break
        default: return false
        }
        return true
    }

    /// The value a write just made, as the next instruction will read it
    /// (counters: the value written).
    func valueAfterWrite(_ number: UInt16, written: UInt32, cycles: UInt64, instret: UInt64) -> UInt32? {
        switch number {
        case Self.mcycle, Self.mcycleh, Self.minstret, Self.minstreth: return written
        default: return read(number, cycles: cycles, instret: instret)
        }
    }

    private func cycleValue(_ cycles: UInt64) -> UInt64 { cycleCounter.read(now: cycles) }
    private func instretValue(_ instret: UInt64) -> UInt64 { instretCounter.read(now: instret) }

    /// Names for commit logs (Spike prints `c<number>_<name>`).
    static func name(_ number: UInt16) -> String {
        switch number {
        case mstatus: return "mstatus"
        case misa: return "misa"
        case mie: return "mie"
        case mtvec: return "mtvec"
        case mcountinhibit: return "mcountinhibit"
        case mscratch: return "mscratch"
        case mepc: return "mepc"
        case mcause: return "mcause"
        case mtval: return "mtval"
        case mip: return "mip"
        case mcycle: return "mcycle"
        case minstret: return "minstret"
        case mcycleh: return "mcycleh"
        case minstreth: return "minstreth"
        case 0x323...0x33F: return "mhpmevent\(number - 0x320)"
        case 0xB03...0xB1F: return "mhpmcounter\(number - 0xB00)"
        case 0xB83...0xB9F: return "mhpmcounter\(number - 0xB80)h"
        default: return "csr\(number)"
        }
    }
}
