#if canImport(Glibc)
import Glibc
#endif

/// Measures the simulator's speed: runs an ELF to completion several times on
/// a fresh machine, functionally or with the cycle model (`timing`), and
/// reports simulated MIPS (retired instructions per host microsecond). Loading
/// is not timed.
public enum SimulatorBenchmark {
    public struct Result: Sendable {
        public var instructions: UInt64
        /// Model cycles of one run (equal to `instructions` in functional mode).
        public var cycles: UInt64
        public var timed: Bool
        public var exitCode: UInt32?
        /// Seconds per run, sorted.
        public var seconds: [Double]

        public var bestMIPS: Double { Double(instructions) / (seconds.first ?? .infinity) / 1e6 }
        public var medianMIPS: Double { Double(instructions) / seconds[seconds.count / 2] / 1e6 }

        public var summary: String {
            func fixed(_ value: Double) -> String { String(Int((value * 10).rounded())) .inserting(".", fromEnd: 1) }
            return "bench-sim (\(timed ? "timing cycle, \(cycles) cycles" : "timing none")): "
                + "\(instructions) instructions per run, \(seconds.count) runs, "
                + "best \(fixed(bestMIPS)) MIPS, median \(fixed(medianMIPS)) MIPS"
                + (exitCode.map { ", exit value \($0)" } ?? "")
        }
    }

    public enum Failure: Error, CustomStringConvertible {
        case didNotExit(StopReason)
        public var description: String {
            switch self { case .didNotExit(let stop): return "benchmark program did not exit: \(stop)" }
        }
    }

    /// - Parameter timing: nil: functional mode; otherwise the cycle model with
    ///   this configuration (no per-function profile, no timeline: what a
    ///   tuning loop pays).
    public static func measure(elfPath: String, platform: Platform = .xheep, runs: Int,
                               timing: TimingConfig? = nil, maxCycles: UInt64 = 1 << 40) throws -> Result {
        let image = try ELFImage(contentsOf: elfPath)
        var seconds: [Double] = []
        var instructions: UInt64 = 0
        var cycles: UInt64 = 0
        var exitCode: UInt32?
        for _ in 0..<runs {
            let machine = try Machine(platform: platform, image: image)
            let stop: StopReason
            if var config = timing {
                if config.memory.banks == nil { config.memory.banks = BankRegion.regions(of: platform.memoryMap) }
                var model = TimingModel(config: config)
                let start = now()
                stop = machine.run(observer: &model, maxCycles: maxCycles)
                seconds.append(now() - start)
                cycles = model.cycles
            } else {
                var observer = NoTiming()
                let start = now()
                stop = machine.run(observer: &observer, maxCycles: maxCycles)
                seconds.append(now() - start)
                cycles = observer.cycles
            }
            guard case .exited(let code, _) = stop else { throw Failure.didNotExit(stop) }
            instructions = machine.instret
            exitCode = code
        }
        return Result(instructions: instructions, cycles: cycles, timed: timing != nil, exitCode: exitCode,
                      seconds: seconds.sorted())
    }

    private static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}

private extension String {
    func inserting(_ separator: Character, fromEnd count: Int) -> String {
        var text = self
        while text.count <= count { text.insert("0", at: text.startIndex) }
        text.insert(separator, at: text.index(text.endIndex, offsetBy: -count))
        return text
    }
}
