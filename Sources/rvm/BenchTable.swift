/// Pieces shared by the tables of `rvm bench-compile` and `rvm bench-schedule`.
enum BenchTable {
    /// Which build measured: a debug build's numbers are not meaningful.
    static var build: String {
        #if DEBUG
        "DEBUG build: use `swift build -c release` for meaningful numbers"
        #else
        "release build"
        #endif
    }

    /// A row: the first cell left-aligned in `labelWidth` columns, each other
    /// cell right-aligned in 11.
    static func row(_ cells: [String], labelWidth: Int) -> String {
        cells[0].padding(toLength: labelWidth, withPad: " ", startingAt: 0)
            + cells.dropFirst().map { String(repeating: " ", count: max(0, 11 - $0.count)) + $0 }.joined()
    }

    static func milliseconds(_ d: Duration) -> Double {
        Double(d.components.seconds) * 1e3 + Double(d.components.attoseconds) / 1e15
    }

    /// Milliseconds with two decimals.
    static func format(_ ms: Double) -> String {
        let hundredths = Int((ms * 100).rounded())
        let frac = hundredths % 100
        return "\(hundredths / 100).\(frac < 10 ? "0" : "")\(frac)"
    }
}
