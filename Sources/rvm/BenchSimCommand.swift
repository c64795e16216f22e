import ArgumentParser
import Simulator

/// `rvm bench-sim`: simulated MIPS of the functional core on a CPU-bound
/// RV32IM program (kernels/bench-sim, committed with its source and build).
struct BenchSimCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-sim", abstract: "Measure the simulator's speed (simulated MIPS; use a release build).")

    @Option(help: "The benchmark ELF (X-HEEP layout).")
    var elf: String = "kernels/bench-sim/bench-sim.elf"

    @Option(help: "Number of timed runs (the best and the median are reported).")
    var runs: Int = 5

    func run() throws {
        let result: SimulatorBenchmark.Result
        do {
            result = try SimulatorBenchmark.measure(elfPath: elf, runs: max(1, runs))
        } catch {
            printError("rvm bench-sim: \(elf): \(error)")
            throw ExitCode(2)
        }
        print(result.summary)
    }
}
