import Foundation

/// The outcome of one simulation run, as reported by `rvm run` and `rvm bench`.
public struct RunReport: Sendable {
    public var stopReason: StopReason
    public var console: String
    public var instret: UInt64
    /// Cycles until the program stopped (the exit instruction retired): the
    /// cycle model's count, or instret in functional mode. The accelerator's
    /// drain after exit is `timing.drainCycles`.
    public var cycles: UInt64
    /// The cycle model's statistics; nil in functional mode.
    public var timing: TimingReport?
    /// Set when `--errata error` or `--strict-hazards` found a cause: the run
    /// counts as failed even if the program exited normally.
    public var timingFailure: TimingFailure?
    /// Chrome/Perfetto trace-event JSON when a timeline was requested.
    public var timelineJSON: Data?
    /// RAM at the end of the run, readable by ELF symbol.
    public var memory = MemorySnapshot(base: 0, bytes: [], symbols: SymbolTable([]))

    public init(stopReason: StopReason, console: String, instret: UInt64, cycles: UInt64) {
        self.stopReason = stopReason
        self.console = console
        self.instret = instret
        self.cycles = cycles
    }

    /// `count` 32-bit words at the ELF symbol `name` in RAM after the run.
    public func words(symbol name: String, count: Int) throws(SymbolReadError) -> [UInt32] {
        try memory.words(symbol: name, count: count)
    }

    /// The program's full 32-bit exit value when it exited.
    public var exitCode: UInt32? {
        if case .exited(let code, _) = stopReason { return code }
        return nil
    }
}

/// Minimal JSON text helpers (no Foundation needed).
enum JSON {
    static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let digits = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - digits.count) + digits
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
