/// Per-register, per-row bookkeeping of the register-file sequencer
/// (rtl/quadrilatero_rf_sequencer.sv): when each row of each tile register was
/// last written and last read, when the latest writer finishes (WAW), and the
/// token FIFO of each register (N_ENTRIES outstanding accesses).
struct TileScoreboard: Sendable {
    static let registers = 8
    static let rows = 4

    /// Cycle at which the dispatcher sees no writer in flight for the register.
    var writeClear = [UInt64](repeating: 0, count: registers)
    /// Cycle at which each row (register*4 + row) was last written / read.
    var rowWritten = [UInt64](repeating: 0, count: registers * rows)
    var rowRead = [UInt64](repeating: 0, count: registers * rows)
    /// Release cycle of each of the `depth` most recent tokens of a register.
    private var tokens: [UInt64]
    private var tokenNext = [Int](repeating: 0, count: registers)
    let depth: Int

    init(tokenDepth: Int) {
        depth = tokenDepth
        tokens = [UInt64](repeating: 0, count: TileScoreboard.registers * tokenDepth)
    }

    /// Earliest dispatch cycle at which a token for `register` can be pushed:
    /// the access `depth` back must have released its entry.
    @inline(__always) func tokenFree(_ register: Int) -> UInt64 {
        tokens[register * depth + tokenNext[register]] + 1
    }

    @inline(__always) mutating func pushToken(_ register: Int, releasedAt cycle: UInt64) {
        tokens[register * depth + tokenNext[register]] = cycle
        tokenNext[register] = (tokenNext[register] + 1) % depth
    }

    @inline(__always) func written(_ register: Int, _ row: Int) -> UInt64 { rowWritten[register * 4 + row] }
    @inline(__always) func read(_ register: Int, _ row: Int) -> UInt64 { rowRead[register * 4 + row] }

    @inline(__always) mutating func noteRead(_ register: Int, _ row: Int, at cycle: UInt64) {
        let i = register * 4 + row
        if cycle > rowRead[i] { rowRead[i] = cycle }
    }

    @inline(__always) mutating func noteWrite(_ register: Int, _ row: Int, at cycle: UInt64) {
        rowWritten[register * 4 + row] = cycle
    }
}
