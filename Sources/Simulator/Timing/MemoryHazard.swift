/// A CPU/accelerator memory race (SPEC §1: the accelerator does not guarantee
/// coherency with the CPU). The functional core is sequentially consistent; on
/// hardware the two instructions below may see each other's data in the other order.
public struct MemoryHazard: Codable, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Codable, Sendable {
        /// A CPU load of a word an in-flight `mst.w` has not yet written (hardware reads the old value).
        case cpuLoadBeforeAcceleratorStore
        /// A CPU store to a word a queued or in-flight `mld.w` has not yet read (hardware loads the new value).
        case cpuStoreBeforeAcceleratorLoad
        /// An `mld.w` reading a word before an earlier CPU store to it has landed (hardware loads the old value).
        case acceleratorLoadBeforeCPUStore
    }
    public var kind: Kind
    /// The word's address.
    public var address: UInt32
    /// The cycle at which the CPU access happens.
    public var cycle: UInt64
    public var cpuPC: UInt32
    public var cpuInstruction: UInt32
    public var acceleratorPC: UInt32
    public var acceleratorInstruction: UInt32

    public var description: String {
        func hex(_ v: UInt32) -> String { "0x" + String(v, radix: 16) }
        let what: String
        switch kind {
        case .cpuLoadBeforeAcceleratorStore: what = "CPU load reads a word the earlier mst.w has not yet written"
        case .cpuStoreBeforeAcceleratorLoad: what = "CPU store overwrites a word the earlier mld.w has not yet read"
        case .acceleratorLoadBeforeCPUStore: what = "mld.w reads a word before the earlier CPU store to it has landed"
        }
        return "memory hazard at \(hex(address)), cycle \(cycle): \(what) "
            + "(CPU pc \(hex(cpuPC)) insn \(hex(cpuInstruction)); accelerator pc \(hex(acceleratorPC)) insn \(hex(acceleratorInstruction)))"
    }
}

/// Tracks accelerator memory accesses still in the future and recent CPU stores,
/// in fixed rings, and reports the races of `MemoryHazard.Kind`. The common case
/// (no accelerator memory operation pending) costs one comparison per CPU access.
struct HazardDetector: Sendable {
    private struct TileAccess: Sendable {
        var base: UInt32 = 0
        var stride: UInt32 = 0
        var rows = AcceleratorSchedule()     // row0...row3 hold the per-row cycles
        var last: UInt64 = 0
        var pc: UInt32 = 0
        var word: UInt32 = 0
    }
    private struct CPUStore: Sendable {
        var address: UInt32 = 0
        var size: UInt32 = 0
        var lands: UInt64 = 0
        var pc: UInt32 = 0
        var word: UInt32 = 0
    }
    static let capacity = 32

    private var stores = [TileAccess](repeating: TileAccess(), count: capacity)  // pending mst.w
    private var loads = [TileAccess](repeating: TileAccess(), count: capacity)   // pending mld.w
    private var cpuStores = [CPUStore](repeating: CPUStore(), count: capacity)
    private var nextStore = 0, nextLoad = 0, nextCPUStore = 0
    /// No pending entry of that ring matters at or after this cycle.
    private var storesPendingUntil: UInt64 = 0
    private var loadsPendingUntil: UInt64 = 0
    private var cpuStoresLandBy: UInt64 = 0

    /// From this cycle on no accelerator memory access is pending, so CPU
    /// accesses at or after it cannot race with one.
    var quietFrom: UInt64 { max(storesPendingUntil, loadsPendingUntil) }

    /// Rows hit by [address, address+size): a bit per row of the tile access.
    @inline(__always) private static func rowsTouched(_ a: TileAccess, _ address: UInt32, _ size: UInt32) -> Int {
        var mask = 0
        for r in 0..<4 {
            let rowBase = a.base &+ UInt32(r) &* a.stride
            let offset = address &- rowBase
            // Overlap of [address, address+size) with [rowBase, rowBase+16).
            if offset < 16 || (rowBase &- address) < size { mask |= 1 << r }
        }
        return mask
    }

    mutating func noteAcceleratorStore(base: UInt32, stride: UInt32, schedule: AcceleratorSchedule, pc: UInt32, word: UInt32) {
        let last = max(schedule.row0, schedule.row1, schedule.row2, schedule.row3)
        stores[nextStore] = TileAccess(base: base, stride: stride, rows: schedule, last: last, pc: pc, word: word)
        nextStore = (nextStore + 1) % Self.capacity
        if last > storesPendingUntil { storesPendingUntil = last }
    }

    mutating func noteAcceleratorLoad(base: UInt32, stride: UInt32, schedule: AcceleratorSchedule, pc: UInt32, word: UInt32) {
        let last = max(schedule.row0, schedule.row1, schedule.row2, schedule.row3) + 1
        loads[nextLoad] = TileAccess(base: base, stride: stride, rows: schedule, last: last, pc: pc, word: word)
        nextLoad = (nextLoad + 1) % Self.capacity
        if last > loadsPendingUntil { loadsPendingUntil = last }
    }

    mutating func noteCPUStore(address: UInt32, size: UInt32, lands: UInt64, pc: UInt32, word: UInt32) {
        cpuStores[nextCPUStore] = CPUStore(address: address, size: size, lands: lands, pc: pc, word: word)
        nextCPUStore = (nextCPUStore + 1) % Self.capacity
        if lands > cpuStoresLandBy { cpuStoresLandBy = lands }
    }

    /// A CPU load at `cycle`: the hazard (if any) and the cycle its data is
    /// actually written (the wait a coherent read would need).
    @inline(__always)
    func checkCPULoad(address: UInt32, size: UInt32, cycle: UInt64, pc: UInt32, word: UInt32) -> (MemoryHazard, UInt64)? {
        guard cycle < storesPendingUntil else { return nil }
        var found: (MemoryHazard, UInt64)? = nil
        for a in stores where a.last > cycle {
            let rows = Self.rowsTouched(a, address, size)
            guard rows != 0 else { continue }
            for r in 0..<4 where rows & (1 << r) != 0 && a.rows.row(r) > cycle {
                let ready = a.rows.row(r)
                if found == nil || ready > found!.1 {
                    found = (MemoryHazard(kind: .cpuLoadBeforeAcceleratorStore, address: address, cycle: cycle,
                                          cpuPC: pc, cpuInstruction: word, acceleratorPC: a.pc, acceleratorInstruction: a.word),
                             ready)
                }
            }
        }
        return found
    }

    /// A CPU store landing at `lands`: an earlier mld.w that reads the word later sees the new data.
    @inline(__always)
    func checkCPUStore(address: UInt32, size: UInt32, cycle: UInt64, lands: UInt64, pc: UInt32, word: UInt32) -> MemoryHazard? {
        guard lands < loadsPendingUntil else { return nil }
        for a in loads where a.last > lands {
            let rows = Self.rowsTouched(a, address, size)
            guard rows != 0 else { continue }
            for r in 0..<4 where rows & (1 << r) != 0 && a.rows.row(r) >= lands {
                return MemoryHazard(kind: .cpuStoreBeforeAcceleratorLoad, address: address, cycle: cycle,
                                    cpuPC: pc, cpuInstruction: word, acceleratorPC: a.pc, acceleratorInstruction: a.word)
            }
        }
        return nil
    }

    /// An mld.w whose rows are read at the schedule's row cycles: an earlier CPU
    /// store that has not landed by then is missed.
    func checkAcceleratorLoad(base: UInt32, stride: UInt32, schedule: AcceleratorSchedule, pc: UInt32, word: UInt32) -> MemoryHazard? {
        let first = min(schedule.row0, schedule.row1, schedule.row2, schedule.row3)
        guard first < cpuStoresLandBy else { return nil }
        let tile = TileAccess(base: base, stride: stride, rows: schedule, last: 0, pc: pc, word: word)
        for s in cpuStores where s.lands > first {
            let rows = Self.rowsTouched(tile, s.address, s.size)
            for r in 0..<4 where rows & (1 << r) != 0 && schedule.row(r) < s.lands {
                return MemoryHazard(kind: .acceleratorLoadBeforeCPUStore, address: s.address, cycle: schedule.row(r),
                                    cpuPC: s.pc, cpuInstruction: s.word, acceleratorPC: pc, acceleratorInstruction: word)
            }
        }
        return nil
    }
}
