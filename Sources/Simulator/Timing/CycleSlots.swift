/// What the accelerator holds in each cycle near the present: the SRAM banks its
/// LSU has been granted, and whether its result port is taken. A ring indexed by
/// cycle whose slots name the cycle they describe, so a slot naming another cycle
/// is simply empty: nothing is ever swept or cleared, and a CPU access with no
/// reservation ahead of it (the common case) costs one comparison.
///
/// Entries are written when an instruction is offloaded and lie between the
/// CPU's present and a bounded look-ahead (input buffer depth x unit occupancy);
/// reservations more than `size` cycles ahead of the present are not recorded.
struct CycleSlots: Sendable {
    static let size = 1 << 14
    static let mask = UInt64(size - 1)

    /// Per slot: [cycle, banks held (a bit per global bank), result port holder
    /// (0: free, else 1 + AcceleratorUnit.rawValue), LSU row serial of the banks].
    private static let stride = 4
    private var words = WordArray(count: stride * CycleSlots.size, value: 0)
    /// One past the last cycle holding a bank: accesses at or after it never wait.
    private(set) var bankHorizon: UInt64 = 0
    /// The CPU's present (the issue cycle of the latest offload): the window's base.
    private(set) var present: UInt64 = 0

    init() {
        for i in 0..<CycleSlots.size { words[CycleSlots.stride * i] = .max }   // no slot describes any cycle yet
    }

    /// Call at the start of each offload, before any reservation.
    mutating func begin(present now: UInt64) {
        words.makeUnique()
        present = now
    }

    @inline(__always) private func inWindow(_ cycle: UInt64) -> Bool {
        cycle >= present && cycle - present < UInt64(CycleSlots.size)
    }

    @inline(__always) private static func slot(_ cycle: UInt64) -> Int { stride * Int(cycle & mask) }

    /// The banks held in `cycle`.
    @inline(__always) func banks(at cycle: UInt64) -> UInt64 {
        let i = CycleSlots.slot(cycle)
        return words[i] == cycle ? words[i + 1] : 0
    }

    @inline(__always) func bankBusy(_ bank: Int, at cycle: UInt64) -> Bool {
        banks(at: cycle) & (1 &<< UInt64(bank)) != 0
    }

    @inline(__always) private mutating func take(_ cycle: UInt64) -> Int {
        let i = CycleSlots.slot(cycle)
        if words[i] != cycle {
            words[i] = cycle
            words[i + 1] = 0
            words[i + 2] = 0
            words[i + 3] = 0
        }
        return i
    }

    /// The serial number of the LSU row whose words hold banks in `cycle`.
    @inline(__always) func row(at cycle: UInt64) -> UInt64 {
        let i = CycleSlots.slot(cycle)
        return words[i] == cycle ? words[i + 3] : 0
    }

    /// Reserves every bank of `mask` for LSU row `row` in the first cycle >=
    /// `cycle` in which all of them are free; returns that cycle. (Banks are
    /// granted independently: a caller wanting per-bank grants passes one bank at a time.)
    @inline(__always) mutating func reserve(banks mask: UInt64, from cycle: UInt64, row: UInt64) -> UInt64 {
        var c = cycle
        while banks(at: c) & mask != 0 { c += 1 }
        guard inWindow(c) else { return c }
        let i = take(c)
        words[i + 1] |= mask
        words[i + 3] = row
        if c >= bankHorizon { bankHorizon = c + 1 }
        return c
    }

    /// Claims the result port for an instruction of `unit` finishing at `cycle`.
    /// One result per cycle; when two units finish together the fixed-priority
    /// arbiter grants the systolic array, then the LSU, then the permutation unit
    /// (rtl/quadrilatero.sv: `quadrilatero_fixed_prio_arbiter res_arb_inst` over
    /// `x_res_finished`, index FU_SYSTOLIC_ARRAY = 0 first). An instruction of a
    /// lower-priority unit already holding the cycle moves to the next free one.
    /// Returns the cycle granted and the latest cycle any moved result now takes (0: none moved).
    mutating func claimResultPort(from cycle: UInt64, unit: AcceleratorUnit) -> (cycle: UInt64, moved: UInt64) {
        var c = cycle
        var holder = UInt64(unit.rawValue) + 1
        var granted: UInt64? = nil
        var moved: UInt64 = 0
        while true {
            guard inWindow(c) else { return (granted ?? c, moved) }
            let i = take(c)
            let current = words[i + 2]
            if current == 0 || current > holder {        // free, or held by a lower-priority unit
                words[i + 2] = holder
                if granted == nil { granted = c } else { moved = c }
                if current == 0 { return (granted ?? c, moved) }
                holder = current                           // the displaced result tries the next cycle
            }
            c += 1
        }
    }
}
