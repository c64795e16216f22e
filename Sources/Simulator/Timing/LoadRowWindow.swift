/// The rows the LSU has read from memory for `mld.w` and the cycles they were
/// written into the tile, newest last: what the load FIFO holds at any cycle.
///
/// RTL rtl/quadrilatero_lsu.sv: a returned row goes to the `rd_head` register,
/// or behind it into a fifo_v3 of FIFO_DEPTH - 1 entries; the LSU requests a
/// new row only while that FIFO is neither full nor almost full
/// (`load_fifo_usage != LastFifoUsage`), i.e. while at most FIFO_DEPTH - 2 rows
/// are held (head included) not counting the one still in flight. A row leaves
/// when the register file takes it (`wready`, which waits for WAR).
struct LoadRowWindow: Sendable {
    static let capacity = 8
    private var grants = InlineArray<8, UInt64>(repeating: 0)
    private var writes = InlineArray<8, UInt64>(repeating: 0)
    private var next = 0

    mutating func append(grant: UInt64, write: UInt64) {
        grants[next] = grant
        writes[next] = write
        next = next + 1 == Self.capacity ? 0 : next + 1
    }

    /// The first cycle >= `cycle` at which the LSU may request a row when it
    /// holds at most `rows` rows (FIFO_DEPTH): rows whose data has arrived
    /// (granted two or more cycles before) and are not yet written count as held.
    func firstRequest(from cycle: UInt64, maxHeld rows: Int) -> UInt64 {
        let limit = rows - 2
        var c = cycle
        while true {
            var held = 0
            var earliestLeave = UInt64.max
            for i in 0..<Self.capacity where grants[i] &+ 2 <= c && writes[i] >= c {
                held += 1
                earliestLeave = min(earliestLeave, writes[i] + 1)
            }
            if held <= limit || earliestLeave == .max { return c }
            c = max(c + 1, earliestLeave)
        }
    }
}
