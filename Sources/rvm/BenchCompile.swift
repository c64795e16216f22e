import ArgumentParser
import Foundation
import Schedule
import RVMTarget

/// `rvm bench-compile [FILE]`: how long parse + check + compile of a kernel
/// file takes, split by phase. Each run uses a fresh pipeline (its own z3
/// context, empty solver cache), as a new `rvm compile` process would.
struct BenchCompile: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-compile",
        abstract: "Time parse, type check, bounds check and C generation of a kernel file, by phase.")

    @ArgumentParser.Argument(help: "The kernel file.")
    var file = "kernels/conv1d/conv1d.exo"

    @Option(name: .shortAndLong, help: "Timed runs.")
    var runs = 200

    @Option(help: "Untimed runs first (caches, page faults).")
    var warmup = 10

    @Option(name: .customLong("proc"), help: ArgumentHelp("Compile only this @proc (repeatable).", valueName: "name"))
    var procs: [String] = []

    func validate() throws {
        guard runs > 0, warmup >= 0 else { throw ValidationError("--runs must be positive and --warmup not negative") }
    }

    func run() throws {
        try KernelCommand.run {
            let source = try KernelCommand.readSource(file)
            let selection: ProcSelection = procs.isEmpty ? .allProcs : .named(procs)
            let library = try OutputFiles(output: nil, kernelFile: file).library

            func once(_ pipeline: KernelPipeline) throws -> PhaseTimes {
                pipeline.resetTimes()
                _ = try pipeline.compile(source, file: file, selecting: selection, library: library)
                return pipeline.times
            }
            func fresh() throws -> PhaseTimes {
                let p = try KernelPipeline(target: RVMTarget.kernelTarget)
                let setup = p.times
                var t = try once(p)
                t[.solverStart] = setup[.solverStart]
                return t
            }
            for _ in 0..<warmup { _ = try fresh() }
            var cold: [PhaseTimes] = []
            for _ in 0..<runs { cold.append(try fresh()) }

            // One pipeline for every run: the solver's answers are cached, as
            // when a tuner recompiles variants of one kernel in a process.
            let reused = try KernelPipeline(target: RVMTarget.kernelTarget)
            for _ in 0..<warmup { _ = try once(reused) }
            var warm: [PhaseTimes] = []
            for _ in 0..<runs { warm.append(try once(reused)) }

            print(BenchCompileReport(file: file, runs: runs, warmup: warmup, cold: cold, warm: warm).text, terminator: "")
        }
    }
}

/// The table `rvm bench-compile` prints (milliseconds per run).
struct BenchCompileReport {
    var file: String
    var runs: Int
    var warmup: Int
    var cold: [PhaseTimes]
    var warm: [PhaseTimes]

    var text: String {
        var lines = ["bench-compile \(file): \(runs) runs after \(warmup) warm-up runs (\(BenchTable.build))",
                     "fresh pipeline per run (new z3 context, as one `rvm compile`):",
                     row("phase", "median ms", "mean ms", "min ms", "max ms")]
        for phase in PhaseTimes.Phase.allCases {
            lines.append(statsRow(phase.rawValue, cold.map { $0[phase] }))
        }
        lines.append(statsRow("total", cold.map(\.total)))
        lines.append("one pipeline reused (solver answers cached, as in a tuning loop):")
        lines.append(statsRow("total", warm.map(\.total)))
        return lines.joined(separator: "\n") + "\n"
    }

    private func statsRow(_ name: String, _ samples: [Duration]) -> String {
        guard let s = BenchStats(samples) else { return row(name, "-", "-", "-", "-") }
        return row(name, BenchTable.format(s.median), BenchTable.format(s.mean), BenchTable.format(s.min), BenchTable.format(s.max))
    }

    private func row(_ cells: String...) -> String { BenchTable.row(cells, labelWidth: 14) }
}
