/// The outcome of one simulation run, as reported by `rvm run`.
public struct RunReport: Sendable {
    public var stopReason: StopReason
    public var console: String
    public var instret: UInt64
    public var cycles: UInt64

    public init(stopReason: StopReason, console: String, instret: UInt64, cycles: UInt64) {
        self.stopReason = stopReason
        self.console = console
        self.instret = instret
        self.cycles = cycles
    }

    /// The program's full 32-bit exit value when it exited.
    public var exitCode: UInt32? {
        if case .exited(let code, _) = stopReason { return code }
        return nil
    }

    /// One JSON object: exit_code (null unless the program exited), console,
    /// instret, cycles, stop_reason, and a one-line message; faults add pc and
    /// instruction (hex strings).
    public var json: String {
        var fields: [(String, String)] = [
            ("exit_code", exitCode.map { String(Int32(bitPattern: $0)) } ?? "null"),
            ("console", JSON.string(console)),
            ("instret", String(instret)),
            ("cycles", String(cycles)),
            ("stop_reason", JSON.string(stopReason.name)),
            ("message", JSON.string(stopReason.description)),
        ]
        if case .exited(_, let via) = stopReason { fields.append(("exit_via", JSON.string(via.rawValue))) }
        if case .fault(let fault) = stopReason {
            fields.append(("pc", JSON.string("0x" + hex8(fault.pc))))
            if let word = fault.word { fields.append(("instruction", JSON.string("0x" + hex8(word)))) }
        }
        return "{" + fields.map { "\(JSON.string($0.0)): \($0.1)" }.joined(separator: ", ") + "}"
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
