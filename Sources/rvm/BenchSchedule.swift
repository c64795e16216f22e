import ArgumentParser
import Foundation
import Schedule
import RVMTarget

/// `rvm bench-schedule [--runs N]`: how long the case-study schedule
/// (rvm-4acc) plus C generation takes in this process. The yardstick:
/// Exo, in Python, takes about 2.3 s for the same.
struct BenchSchedule: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-schedule",
        abstract: "Time a conv1d schedule (default: the case study, rvm-4acc) plus C generation, in milliseconds.",
        discussion: """
        The kernel file is parsed once; each run applies the schedule to the \
        algorithm and generates the C (as `rvm schedule -o` does, without the \
        checks). The first run of the process is reported on its own (it loads \
        z3 and touches every page for the first time). Then: runs with a fresh \
        soundness oracle each (a new z3 context with an empty cache, as one \
        `rvm schedule` process), and runs sharing one oracle (z3's answers \
        cached, as in a tuning loop). Build with `swift build -c release` for \
        meaningful numbers.
        """)

    @Option(name: .shortAndLong, help: "Timed runs of each kind.")
    var runs = 20

    @Option(help: ArgumentHelp("The variant: \(Conv1dVariant.names).", valueName: "variant"))
    var variant = Conv1dVariant.rvm4acc.rawValue

    @Option(help: ArgumentHelp("Sizes instead of the case study's.", valueName: "IC,OC,N,W"))
    var sizes: String?

    @Option(name: .customLong("kernel-file"), help: ArgumentHelp("The file defining conv1d and generic_conv1d.", valueName: "file"))
    var kernelFile = "kernels/conv1d/conv1d.exo"

    func validate() throws {
        guard runs > 0 else { throw ValidationError("--runs must be positive") }
    }

    func run() throws {
        try KernelCommand.run {
            let chosen = try Conv1dVariant(named: variant)
            let size = try sizes.map { text throws(KernelError) in try Conv1dSchedules.Sizes(parsing: text) }
            let source = try KernelCommand.readSource(kernelFile)
            let shape = try Conv1dSchedules.sizes(of: Conv1dVariant.algorithm(in: source, file: kernelFile, sizes: size))

            func once(_ oracle: any SoundnessOracle) throws -> ScheduleTiming {
                let algorithm = try Conv1dVariant.algorithm(in: source, file: kernelFile, sizes: size, oracle: oracle)
                let clock = ContinuousClock()
                let t0 = clock.now
                let scheduled = try chosen.schedule(algorithm)
                let t1 = clock.now
                _ = try CCodegen.compile([scheduled.ir], library: "conv1d", options: RVMTarget.codegenOptions)
                return ScheduleTiming(schedule: t1 - t0, codegen: clock.now - t1)
            }

            let cold = try once(TieredOracle())
            var fresh: [ScheduleTiming] = []
            for _ in 0..<runs { fresh.append(try once(TieredOracle())) }
            let shared = TieredOracle()
            _ = try once(shared)  // fills the shared oracle's cache
            var cached: [ScheduleTiming] = []
            for _ in 0..<runs { cached.append(try once(shared)) }

            let report = BenchScheduleReport(title: "bench-schedule \(chosen.rawValue) (\(shape.text)) from \(kernelFile)",
                                             runs: runs, cold: cold, fresh: fresh, cached: cached)
            print(report.text, terminator: "")
        }
    }
}

/// One run: the schedule's rewrites, then C generation.
struct ScheduleTiming {
    var schedule: Duration
    var codegen: Duration
    var total: Duration { schedule + codegen }
}

/// The table `rvm bench-schedule` prints (milliseconds).
struct BenchScheduleReport {
    var title: String
    var runs: Int
    var cold: ScheduleTiming
    var fresh: [ScheduleTiming]
    var cached: [ScheduleTiming]

    var text: String {
        var lines = ["\(title): \(runs) runs of each kind (\(BenchTable.build))",
                     "first run of the process (cold): schedule \(ms(cold.schedule)) ms, C generation \(ms(cold.codegen)) ms, total \(ms(cold.total)) ms",
                     row("", "median ms", "min ms", "max ms")]
        for (heading, samples) in [("fresh oracle per run (new z3 context, as one `rvm schedule`):", fresh),
                                   ("one oracle reused (z3 answers cached, as in a tuning loop):", cached)] {
            lines.append(heading)
            lines.append(statsRow("  schedule", samples.map(\.schedule)))
            lines.append(statsRow("  C generation", samples.map(\.codegen)))
            lines.append(statsRow("  total", samples.map(\.total)))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func ms(_ d: Duration) -> String { BenchTable.format(BenchTable.milliseconds(d)) }

    private func statsRow(_ name: String, _ samples: [Duration]) -> String {
        guard let s = BenchStats(samples) else { return row(name, "-", "-", "-") }
        return row(name, BenchTable.format(s.median), BenchTable.format(s.min), BenchTable.format(s.max))
    }

    private func row(_ cells: String...) -> String { BenchTable.row(cells, labelWidth: 16) }
}
