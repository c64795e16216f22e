/// Per-register, per-row bookkeeping of the register-file sequencer
/// (rtl/quadrilatero_rf_sequencer.sv): when each row of each tile register was
/// last written and last read, when the latest writer finishes (WAW), and the
/// token FIFO of each register (N_ENTRIES outstanding accesses).
///
/// All in one `WordArray` (call `makeUnique()` before writing): [writeClear x 8,
/// rowWritten x 32, rowRead x 32, token release cycles x 8*depth, next token x 8].
struct TileScoreboard: Sendable {
    static let registers = 8
    static let rows = 4

    private static let written0 = registers
    private static let read0 = written0 + registers * rows
    private static let tokens0 = read0 + registers * rows
    private let next0: Int
    let depth: Int
    private var words: WordArray

    init(tokenDepth: Int) {
        depth = tokenDepth
        next0 = TileScoreboard.tokens0 + TileScoreboard.registers * tokenDepth
        words = WordArray(count: next0 + TileScoreboard.registers)
    }

    mutating func makeUnique() { words.makeUnique() }

    /// Cycle at which the dispatcher sees no writer in flight for the register.
    @inline(__always) func writeClear(_ register: Int) -> UInt64 { words[register] }
    @inline(__always) mutating func setWriteClear(_ register: Int, _ cycle: UInt64) { words[register] = cycle }

    /// Earliest dispatch cycle at which a token for `register` can be pushed:
    /// the access `depth` back must have released its entry.
    @inline(__always) func tokenFree(_ register: Int) -> UInt64 {
        words[TileScoreboard.tokens0 + register * depth + Int(words[next0 + register])] + 1
    }

    @inline(__always) mutating func pushToken(_ register: Int, releasedAt cycle: UInt64) {
        let next = Int(words[next0 + register])
        words[TileScoreboard.tokens0 + register * depth + next] = cycle
        words[next0 + register] = UInt64(next + 1 == depth ? 0 : next + 1)
    }

    /// Cycle at which each row was last written / read.
    @inline(__always) func written(_ register: Int, _ row: Int) -> UInt64 {
        words[TileScoreboard.written0 + register * 4 + row]
    }
    @inline(__always) func read(_ register: Int, _ row: Int) -> UInt64 {
        words[TileScoreboard.read0 + register * 4 + row]
    }

    @inline(__always) mutating func noteRead(_ register: Int, _ row: Int, at cycle: UInt64) {
        let i = TileScoreboard.read0 + register * 4 + row
        if cycle > words[i] { words[i] = cycle }
    }

    @inline(__always) mutating func noteWrite(_ register: Int, _ row: Int, at cycle: UInt64) {
        words[TileScoreboard.written0 + register * 4 + row] = cycle
    }
}
