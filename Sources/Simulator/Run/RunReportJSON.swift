extension RunReport {
    /// One JSON object: exit_code (null unless the program exited), console,
    /// instret, cycles, stop_reason, and a one-line message; faults add pc and
    /// instruction (hex strings). Timed runs add the cycle model's figures:
    /// cpi, stall_cycles and stalls (by cause), offloaded, units (busy cycles and
    /// utilisation of each accelerator unit), accelerator_busy_cycles,
    /// overlap_cycles, drain_cycles, total_cycles, hazards, errata, functions
    /// (cycles per function) and timing_failure. `timing` is "cycle" or "none".
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
        fields.append(("timing", JSON.string(timing == nil ? "none" : "cycle")))
        if let timing { fields += Self.timingFields(timing, failure: timingFailure) }
        return JSON.object(fields)
    }

    static func timingFields(_ t: TimingReport, failure: TimingFailure?) -> [(String, String)] {
        let stalls = t.stalls.sorted { $0.key < $1.key }.map { ($0.key, String($0.value)) }
        let units = t.units.map { u in
            JSON.object([("name", JSON.string(u.name)), ("instructions", String(u.instructions)),
                         ("busy_cycles", String(u.busyCycles)), ("utilisation", JSON.number(u.utilisation))])
        }
        let hazards = t.hazards.map { h in
            JSON.object([("kind", JSON.string(h.kind.rawValue)), ("address", JSON.hex(h.address)),
                         ("cycle", String(h.cycle)), ("cpu_pc", JSON.hex(h.cpuPC)),
                         ("cpu_instruction", JSON.hex(h.cpuInstruction)), ("accelerator_pc", JSON.hex(h.acceleratorPC)),
                         ("accelerator_instruction", JSON.hex(h.acceleratorInstruction)),
                         ("message", JSON.string(h.description))])
        }
        let errata = t.errata.map { e in
            JSON.object([("kind", JSON.string(e.kind.rawValue)), ("pc", JSON.hex(e.pc)),
                         ("instruction", JSON.hex(e.instruction)), ("message", JSON.string(e.description))])
        }
        let functions = t.functions.map { f in
            JSON.object([("name", JSON.string(f.name)), ("cycles", String(f.cycles)),
                         ("instructions", String(f.instructions))])
        }
        return [
            ("cpi", JSON.number(t.cpi)),
            ("stall_cycles", String(t.stallCycles)),
            ("stalls", JSON.object(stalls)),
            ("offloaded", String(t.offloadedInstructions)),
            ("units", JSON.array(units)),
            ("accelerator_busy_cycles", String(t.acceleratorBusyCycles)),
            ("overlap_cycles", String(t.overlapCycles)),
            ("drain_cycles", String(t.drainCycles)),
            ("total_cycles", String(t.totalCycles)),
            ("hazard_count", String(t.hazardCount)),
            ("hazards", JSON.array(hazards)),
            ("errata_count", String(t.errataCount)),
            ("errata", JSON.array(errata)),
            ("functions", JSON.array(functions)),
            ("timing_failure", failure.map { JSON.string($0.description) } ?? "null"),
        ]
    }
}

extension JSON {
    static func object(_ fields: [(String, String)]) -> String {
        "{" + fields.map { "\(string($0.0)): \($0.1)" }.joined(separator: ", ") + "}"
    }
    static func array(_ items: [String]) -> String { "[" + items.joined(separator: ", ") + "]" }
    static func hex(_ value: UInt32) -> String { string("0x" + hex8(value)) }
    /// A finite double as a JSON number (non-finite values become 0).
    static func number(_ value: Double) -> String { value.isFinite ? "\(value)" : "0" }
}
