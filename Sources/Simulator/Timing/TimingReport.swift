import Foundation

/// Everything the timing model measured, for `rvm run --stats` and `--json`.
public struct TimingReport: Codable, Sendable, Equatable {
    public struct Unit: Codable, Sendable, Equatable {
        public var name: String
        public var instructions: UInt64
        public var busyCycles: UInt64
        /// busyCycles / totalCycles.
        public var utilisation: Double
    }
    public struct Function: Codable, Sendable, Equatable {
        public var name: String
        public var cycles: UInt64
        public var instructions: UInt64
    }

    /// Cycles until the exit instruction retired: what mcycle shows the program.
    public var cycles: UInt64
    public var instret: UInt64
    public var cpi: Double
    /// Cycles the accelerator still needed after exit to finish its work.
    public var drainCycles: UInt64
    /// cycles + drainCycles.
    public var totalCycles: UInt64
    /// CPU cycles beyond one per instruction, by cause (StallCause.name); zero causes omitted.
    public var stalls: [String: UInt64]
    public var stallCycles: UInt64
    public var offloadedInstructions: UInt64
    public var units: [Unit]
    /// Cycles in which at least one accelerator unit is busy (including the drain).
    public var acceleratorBusyCycles: UInt64
    /// Cycles before exit in which an accelerator unit is busy while the CPU is
    /// not stalled waiting for the accelerator: the work the two do in parallel.
    public var overlapCycles: UInt64
    public var hazardCount: UInt64
    public var hazards: [MemoryHazard]
    public var errataCount: UInt64
    public var errata: [Erratum]
    /// Cycles per function (ELF symbols), most expensive first; empty without a symbol table.
    public var functions: [Function]

    /// Human-readable summary for `--stats`.
    public var text: String {
        func pct(_ v: Double) -> String { String(format: "%.1f%%", v * 100) }
        var lines = [
            "cycles            \(cycles)",
            "instret           \(instret)",
            "CPI               \(String(format: "%.3f", cpi))",
            "accelerator drain \(drainCycles) (total \(totalCycles))",
            "offloaded (RVM)   \(offloadedInstructions)",
            "stall cycles      \(stallCycles)",
        ]
        for (cause, n) in stalls.sorted(by: { $0.value > $1.value }) {
            lines.append("  \(cause.padding(toLength: 24, withPad: " ", startingAt: 0))\(n)")
        }
        for u in units {
            lines.append("\(u.name.padding(toLength: 18, withPad: " ", startingAt: 0))busy \(u.busyCycles) (\(pct(u.utilisation))), \(u.instructions) instructions")
        }
        lines.append("accelerator busy  \(acceleratorBusyCycles)")
        lines.append("CPU/accel overlap \(overlapCycles)")
        lines.append("hazards           \(hazardCount)")
        lines += hazards.map { "  " + $0.description }
        lines.append("errata            \(errataCount)")
        lines += errata.map { "  " + $0.description }
        if !functions.isEmpty {
            lines.append("cycles per function:")
            for f in functions {
                lines.append("  \(f.name.padding(toLength: 24, withPad: " ", startingAt: 0))\(f.cycles) cycles, \(f.instructions) instructions")
            }
        }
        return lines.joined(separator: "\n")
    }
}
