/// Busy cycles of the accelerator's units and how they overlap the CPU, counted
/// from intervals as instructions are scheduled (never cycle by cycle).
///
/// - Per unit: a unit starts its instructions in order, so its busy intervals
///   arrive with non-decreasing starts and their union is one running chunk.
/// - Any unit: intervals of different units arrive out of order; those not yet
///   behind the CPU's present are kept merged in a short sorted list.
/// - Overlap: busy cycles before exit minus busy cycles in which the CPU was
///   stalled waiting for the accelerator. A wait is recorded in the CPU's present,
///   when every interval that can cover it is already known (later offloads
///   start after it).
struct BusyAccounting: Sendable {
    private struct Chunk: Sendable {
        var start: UInt64 = 0
        var end: UInt64 = 0
        var closed: UInt64 = 0
        mutating func add(_ s: UInt64, _ e: UInt64) {
            guard e > s else { return }
            if s <= end {
                if e > end { end = e }
            } else {
                closed += end - start
                start = s
                end = e
            }
        }
        /// Busy cycles before `limit` (only the last chunk can reach past it).
        func busy(before limit: UInt64) -> UInt64 {
            closed + (min(end, limit) > start ? min(end, limit) - start : 0)
        }
    }

    private var units = [Chunk](repeating: Chunk(), count: AcceleratorUnit.allCases.count)
    /// Disjoint, sorted busy intervals of any unit at or after `settledBefore`.
    private var pending: [(start: UInt64, end: UInt64)] = []
    private var settledBefore: UInt64 = 0
    /// Busy cycles (any unit) before `settledBefore`.
    private var settled: UInt64 = 0
    /// Busy cycles (any unit) during which the CPU waited for the accelerator.
    private var waited: UInt64 = 0

    mutating func add(_ unit: AcceleratorUnit, from start: UInt64, to end: UInt64) {
        guard end > start else { return }
        units[unit.rawValue].add(start, end)
        // Common cases: after every pending interval, or extending the last one.
        if let last = pending.last, start >= last.start {
            if start > last.end { pending.append((start, end)) }
            else if end > last.end { pending[pending.count - 1].end = end }
            return
        }
        if pending.isEmpty { pending.append((start, end)); return }
        var s = start, e = end
        var i = 0
        // Merge with every pending interval it touches; keep the list sorted.
        while i < pending.count && pending[i].end < s { i += 1 }
        while i < pending.count && pending[i].start <= e {
            s = min(s, pending[i].start)
            e = max(e, pending[i].end)
            pending.remove(at: i)
        }
        pending.insert((s, e), at: i)
    }

    /// Moves everything before `now` (which never decreases) out of the list.
    mutating func settle(before now: UInt64) {
        guard now > settledBefore else { return }
        if pending.isEmpty || pending[0].start >= now {
            settledBefore = now
            return
        }
        var drop = 0
        for i in pending.indices {
            let p = pending[i]
            if p.start >= now { break }
            if p.end <= now {
                settled += p.end - p.start
                drop += 1
            } else {
                settled += now - p.start
                pending[i].start = now
                break
            }
        }
        if drop > 0 { pending.removeFirst(drop) }
        settledBefore = now
    }

    /// The CPU waited on the accelerator during [from, to) (from >= the settled point).
    mutating func cpuWaited(from: UInt64, to: UInt64) {
        waited += busy(in: from, to)
    }

    private func busy(in from: UInt64, _ to: UInt64) -> UInt64 {
        var n: UInt64 = 0
        for p in pending {
            if p.start >= to { break }
            let lo = max(p.start, from), hi = min(p.end, to)
            if hi > lo { n += hi - lo }
        }
        return n
    }

    func unitBusy(_ unit: AcceleratorUnit, before end: UInt64) -> UInt64 {
        units[unit.rawValue].busy(before: end)
    }

    /// Cycles before `end` in which some unit is busy.
    func anyBusy(before end: UInt64) -> UInt64 {
        settled + busy(in: settledBefore, end)
    }

    /// Cycles before `exit` in which some unit is busy and the CPU is not waiting on it.
    func overlap(before exit: UInt64) -> UInt64 {
        anyBusy(before: exit) - waited
    }
}
