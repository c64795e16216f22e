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

    /// Per slot: [cycle, banks held (a bit per global bank), result port taken (0/1)].
    private var words = WordArray(count: 3 * CycleSlots.size, value: 0)
    /// One past the last cycle holding a bank: accesses at or after it never wait.
    private(set) var bankHorizon: UInt64 = 0
    /// The CPU's present (the issue cycle of the latest offload): the window's base.
    private(set) var present: UInt64 = 0

    init() {
        for i in 0..<CycleSlots.size { words[3 * i] = .max }   // no slot describes any cycle yet
    }

    /// Call at the start of each offload, before any reservation.
    mutating func begin(present now: UInt64) {
        words.makeUnique()
        present = now
    }

    @inline(__always) private func inWindow(_ cycle: UInt64) -> Bool {
        cycle >= present && cycle - present < UInt64(CycleSlots.size)
    }

    @inline(__always) private static func slot(_ cycle: UInt64) -> Int { 3 * Int(cycle & mask) }

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
        }
        return i
    }

    /// Reserves every bank of `mask` in the first cycle >= `cycle` in which all
    /// of them are free; returns that cycle. (Banks are granted independently: a
    /// caller wanting per-bank grants passes one bank at a time.)
    @inline(__always) mutating func reserve(banks mask: UInt64, from cycle: UInt64) -> UInt64 {
        var c = cycle
        while banks(at: c) & mask != 0 { c += 1 }
        guard inWindow(c) else { return c }
        let i = take(c)
        words[i + 1] |= mask
        if c >= bankHorizon { bankHorizon = c + 1 }
        return c
    }

    /// Claims the first cycle >= `cycle` in which the result port is free.
    mutating func claimResultPort(from cycle: UInt64) -> UInt64 {
        var c = cycle
        while true {
            let i = CycleSlots.slot(c)
            if words[i] == c && words[i + 2] != 0 { c += 1; continue }
            guard inWindow(c) else { return c }
            words[take(c) + 2] = 1
            return c
        }
    }
}
