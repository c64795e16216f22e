/// The machine-mode CSRs of cv32e40p that programs use (openhwgroup/cv32e40p
/// docs/source/control_status_registers.rst). Unknown numbers are illegal.
///
/// Counters: `mcycle` reads the timing observer's cycle count and `minstret`
/// the retired-instruction count, each plus an offset set by writes. A write
/// "is done instead of the increment" (unprivileged spec, Zicsr): it takes
/// effect once the writing instruction has retired (`settleCounterWrites`), so
/// the next instruction reads exactly the value written;
/// `mcountinhibit` bit 0 (cycle) and bit 2 (instret) freeze them. The reset
/// value of `mcountinhibit` is 0xD as on cv32e40p, so programs must clear it
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
    var cycleCounter = Counter()
    var instretCounter = Counter()
    /// Counter writes waiting for the writing instruction to retire.
    var deferredCycle: UInt64?
    var deferredInstret: UInt64?

    /// A 64-bit counter derived from a free-running source: `source + offset`,
    /// or a frozen value while inhibited.
    struct Counter {
        var offset: UInt64 = 0
        var frozen: UInt64 = 0

        func value(source: UInt64, inhibited: Bool) -> UInt64 { inhibited ? frozen : source &+ offset }

        mutating func set(_ value: UInt64, source: UInt64, inhibited: Bool) {
            if inhibited { frozen = value } else { offset = value &- source }
        }

        mutating func inhibit(_ now: Bool, was: Bool, source: UInt64) {
            if now && !was { frozen = source &+ offset }
            if !now && was { offset = frozen &- source }
        }
    }

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
            let cycleWas = mcountinhibit & 1 != 0, instretWas = mcountinhibit & 4 != 0
            mcountinhibit = value
            cycleCounter.inhibit(value & 1 != 0, was: cycleWas, source: cycles)
            instretCounter.inhibit(value & 4 != 0, was: instretWas, source: instret)
        case Self.mscratch: mscratch = value
        case Self.mepc: mepc = value & ~3            // IALIGN = 32
        case Self.mcause: mcause = value
        case Self.mtval: mtval = value
        case Self.mip: break
        case Self.mcycle:
            deferredCycle = (cycleValue(cycles) & 0xFFFF_FFFF_0000_0000) | UInt64(value)
        case Self.mcycleh:
            deferredCycle = (cycleValue(cycles) & 0xFFFF_FFFF) | UInt64(value) << 32
        case Self.minstret:
            deferredInstret = (instretValue(instret) & 0xFFFF_FFFF_0000_0000) | UInt64(value)
        case Self.minstreth:
            deferredInstret = (instretValue(instret) & 0xFFFF_FFFF) | UInt64(value) << 32
        case 0x323...0x33F, 0xB03...0xB1F, 0xB83...0xB9F: break
        default: return false
        }
        return true
    }

    /// Applies counter writes after the writing instruction retired; `cycles`
    /// and `instret` are the counts including it.
    mutating func settleCounterWrites(cycles: UInt64, instret: UInt64) {
        if let value = deferredCycle {
            cycleCounter.set(value, source: cycles, inhibited: cycleInhibited)
            deferredCycle = nil
        }
        if let value = deferredInstret {
            instretCounter.set(value, source: instret, inhibited: instretInhibited)
            deferredInstret = nil
        }
    }

    /// The value a write just made, as the next instruction will read it.
    func valueAfterWrite(_ number: UInt16, cycles: UInt64, instret: UInt64) -> UInt32? {
        switch number {
        case Self.mcycle: return deferredCycle.map { UInt32(truncatingIfNeeded: $0) }
        case Self.mcycleh: return deferredCycle.map { UInt32(truncatingIfNeeded: $0 >> 32) }
        case Self.minstret: return deferredInstret.map { UInt32(truncatingIfNeeded: $0) }
        case Self.minstreth: return deferredInstret.map { UInt32(truncatingIfNeeded: $0 >> 32) }
        default: return read(number, cycles: cycles, instret: instret)
        }
    }

    private var cycleInhibited: Bool { mcountinhibit & 1 != 0 }
    private var instretInhibited: Bool { mcountinhibit & 4 != 0 }
    private func cycleValue(_ cycles: UInt64) -> UInt64 { cycleCounter.value(source: cycles, inhibited: cycleInhibited) }
    private func instretValue(_ instret: UInt64) -> UInt64 { instretCounter.value(source: instret, inhibited: instretInhibited) }

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
