/// Program-visible `mcycle` on top of the timing model's cycle count, for the
/// functional core: the model owns time, the program may write mcycle and
/// freeze it with mcountinhibit bit 0 (SPEC §3 methodology: clear bit 0 of
/// mcountinhibit, write 0 to mcycle, run, read mcycle).
///
/// Contract: a CSR instruction executes before its `retire` is reported, so
/// `now` is the model's `cycles` after the previous instruction, i.e. the cycle
/// the CSR instruction issues in. A read therefore returns the cycles spent by
/// every instruction from the write (inclusive: its 4 cycles are the
/// "measurement overhead" of SPEC §2) up to the read (exclusive).
public struct CycleCounterCSR: Sendable, Equatable {
    private var offset: UInt64 = 0
    private var frozen: UInt64 = 0
    public private(set) var inhibited: Bool

    /// Counting from reset is the default; X-HEEP programs clear mcountinhibit
    /// bit 0 explicitly anyway (SPEC §3).
    public init(inhibited: Bool = false) { self.inhibited = inhibited }

    public func read(now: UInt64) -> UInt64 { inhibited ? frozen : now &- offset }

    public mutating func write(_ value: UInt64, now: UInt64) {
        if inhibited { frozen = value } else { offset = now &- value }
    }

    /// Writes of the low or high half (mcycle / mcycleh).
    public mutating func writeLow(_ value: UInt32, now: UInt64) {
        write((read(now: now) & 0xFFFF_FFFF_0000_0000) | UInt64(value), now: now)
    }
    public mutating func writeHigh(_ value: UInt32, now: UInt64) {
        write((read(now: now) & 0xFFFF_FFFF) | (UInt64(value) << 32), now: now)
    }

    /// mcountinhibit bit 0.
    public mutating func setInhibited(_ inhibit: Bool, now: UInt64) {
        guard inhibit != inhibited else { return }
        if inhibit { frozen = read(now: now) } else { offset = now &- frozen }
        inhibited = inhibit
    }
}
