import ArgumentParser
import Simulator

/// `rvm bench-sim`: simulated MIPS of the simulator on a CPU-bound RV32IM
/// program (kernels/bench-sim, committed with its source and build), with the
/// cycle model off and on, plus the model's own cost per instruction on a
/// synthetic RVM kernel stream (TimingThroughput).
struct BenchSimCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-sim", abstract: "Measure the simulator's speed (simulated MIPS; use a release build).")

    @Option(help: "The benchmark ELF (X-HEEP layout).")
    var elf: String = "kernels/bench-sim/bench-sim.elf"

    @Option(parsing: .unconditional, help: "Number of timed runs per mode (the best and the median are reported).")
    var runs: Int = 5

    func validate() throws {
        guard runs >= 1 else { throw ValidationError("--runs must be at least 1 (got \(runs))") }
    }

    func run() throws {
        let functional: SimulatorBenchmark.Result, timed: SimulatorBenchmark.Result
        do {
            functional = try SimulatorBenchmark.measure(elfPath: elf, runs: runs)
            timed = try SimulatorBenchmark.measure(elfPath: elf, runs: runs, timing: TimingConfig())
        } catch {
            printError("rvm bench-sim: \(elf): \(error)")
            throw ExitCode(2)
        }
        print(functional.summary)
        print(timed.summary)
        let ratio = timed.bestMIPS > 0 ? functional.bestMIPS / timed.bestMIPS : 0
        print("timed/functional slowdown: \(Self.fixed(ratio, digits: 2))x (best runs)")
        let stream = TimingThroughput.measure(.kernelMix, count: 20_000_000)
        print("timing model alone, \(stream.workload.rawValue) stream (8% RVM): "
              + "\(Self.fixed(stream.nanosecondsPerRecord, digits: 2)) ns per instruction")
    }

    static func fixed(_ value: Double, digits: Int) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = Int((value * scale).rounded())
        let whole = scaled / Int(scale), fraction = String(scaled % Int(scale))
        return "\(whole)." + String(repeating: "0", count: digits - fraction.count) + fraction
    }
}
