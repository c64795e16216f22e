/// One program-visible 64-bit counter (mcycle or minstret) over a free-running
/// source (the timing observer's cycles, or retired instructions): the value is
/// `source - offset`, or a frozen value while mcountinhibit inhibits it. The
/// one implementation of the counter semantics; `CSRFile` holds two of them.
///
/// `now` is the source as the CSR instruction sees it. A CSR instruction
/// executes before its retire is reported, so for mcycle `now` is the cycle the
/// instruction issues in: a read returns the cycles spent by every instruction
/// from the write (inclusive: `csrw mcycle` costs 4 cycles on cv32e40p, the
/// "measurement overhead" of RVM-SPEC.md §2, which the timing model's
/// calibration includes) up to the read (exclusive). For minstret `CSRFile`
/// passes the count including the writing instruction, so the write replaces
/// that instruction's increment (Zicsr).
public struct HardwareCounter: Sendable, Equatable {
    private var offset: UInt64 = 0
    private var frozen: UInt64 = 0
    public private(set) var inhibited: Bool

    public init(inhibited: Bool = false) { self.inhibited = inhibited }

    @inline(__always)
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

    /// The counter's mcountinhibit bit.
    public mutating func setInhibited(_ inhibit: Bool, now: UInt64) {
        guard inhibit != inhibited else { return }
        if inhibit { frozen = read(now: now) } else { offset = now &- frozen }
        inhibited = inhibit
    }
}
