/// What happens in each cycle near the present: which banks the accelerator
/// has reserved, which units are busy, whether the CPU is waiting on the
/// accelerator. A fixed ring indexed by cycle: the accelerator's schedule is
/// computed when an instruction is offloaded, so entries lie between the CPU's
/// present and a bounded look-ahead (input buffer depth x unit occupancy).
/// Cycles behind the present are swept into the statistics and cleared.
struct CycleRing: Sendable {
    static let size = 1 << 14
    static let mask = UInt64(size - 1)

    enum Flag {
        static let systolicArray: UInt8 = 1
        static let lsu: UInt8 = 2
        static let permutationUnit: UInt8 = 4
        static let anyUnit: UInt8 = 7
        static let cpuWaitsOnAccelerator: UInt8 = 8
        static let resultPort: UInt8 = 16
    }

    private(set) var banks = [UInt64](repeating: 0, count: CycleRing.size)
    private(set) var flags = [UInt8](repeating: 0, count: CycleRing.size)
    /// Every cycle below this has been swept (and cleared).
    private(set) var swept: UInt64 = 0
    /// One past the last cycle anything was marked in.
    private(set) var horizon: UInt64 = 0

    /// True when `cycle` is inside the window the ring can hold.
    @inline(__always) func holds(_ cycle: UInt64) -> Bool {
        cycle >= swept && cycle < swept &+ UInt64(CycleRing.size)
    }

    @inline(__always) func bankBusy(_ bank: Int, at cycle: UInt64) -> Bool {
        guard holds(cycle) else { return false }
        return banks[Int(cycle & CycleRing.mask)] & (1 << UInt64(bank)) != 0
    }

    /// The first cycle >= `cycle` in which `bank` is free; reserves it.
    @inline(__always) mutating func reserve(bank: Int, from cycle: UInt64) -> UInt64 {
        var c = cycle
        while bankBusy(bank, at: c) { c += 1 }
        if holds(c) {
            banks[Int(c & CycleRing.mask)] |= 1 << UInt64(bank)
            if c >= horizon { horizon = c + 1 }
        }
        return c
    }

    /// Sets `flag` for cycles [from, to).
    mutating func mark(_ flag: UInt8, from: UInt64, to: UInt64) {
        guard to > from else { return }
        let lo = max(from, swept)
        let hi = min(to, swept &+ UInt64(CycleRing.size))
        var c = lo
        while c < hi {
            flags[Int(c & CycleRing.mask)] |= flag
            c += 1
        }
        if hi > horizon { horizon = hi }
    }

    @inline(__always) func isMarked(_ flag: UInt8, at cycle: UInt64) -> Bool {
        holds(cycle) && flags[Int(cycle & CycleRing.mask)] & flag != 0
    }

    /// Claims the first cycle >= `cycle` with `flag` clear.
    mutating func claim(_ flag: UInt8, from cycle: UInt64) -> UInt64 {
        var c = cycle
        while isMarked(flag, at: c) { c += 1 }
        mark(flag, from: c, to: c + 1)
        return c
    }

    /// Accounts every cycle in [swept, limit) into `tally`, then clears it. Cycles
    /// at or after `programEnd` (the accelerator draining after exit) count as
    /// busy but never as overlap. Jumps straight ahead when nothing was marked.
    @inline(__always)
    mutating func sweep(upTo limit: UInt64, programEnd: UInt64, into tally: inout UnitTally) {
        guard limit > swept else { return }
        if horizon <= swept {           // nothing marked ahead: just move the window
            swept = limit
            horizon = limit
            return
        }
        sweepMarked(upTo: limit, programEnd: programEnd, into: &tally)
    }

    @inline(never)
    private mutating func sweepMarked(upTo limit: UInt64, programEnd: UInt64, into tally: inout UnitTally) {
        let end = min(limit, horizon)
        var c = swept
        while c < end {
            let i = Int(c & CycleRing.mask)
            let f = flags[i]
            if f & Flag.anyUnit != 0 {
                tally.anyBusy += 1
                if f & Flag.systolicArray != 0 { tally.systolicArray += 1 }
                if f & Flag.lsu != 0 { tally.lsu += 1 }
                if f & Flag.permutationUnit != 0 { tally.permutationUnit += 1 }
                if c < programEnd && f & Flag.cpuWaitsOnAccelerator == 0 { tally.overlap += 1 }
            }
            flags[i] = 0
            banks[i] = 0
            c += 1
        }
        swept = limit
        if horizon < swept { horizon = swept }
    }
}

/// Busy cycles swept out of the ring.
struct UnitTally: Sendable {
    var systolicArray: UInt64 = 0
    var lsu: UInt64 = 0
    var permutationUnit: UInt64 = 0
    /// Cycles in which at least one unit is busy.
    var anyBusy: UInt64 = 0
    /// Cycles before exit in which a unit is busy and the CPU is not waiting on the accelerator.
    var overlap: UInt64 = 0

    func busy(_ unit: AcceleratorUnit) -> UInt64 {
        switch unit {
        case .systolicArray: return systolicArray
        case .lsu: return lsu
        case .permutationUnit: return permutationUnit
        }
    }
}
