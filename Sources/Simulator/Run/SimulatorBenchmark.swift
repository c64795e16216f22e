#if canImport(Glibc)
import Glibc
#endif

/// Measures the functional core's speed: runs an ELF to completion several
/// times on a fresh machine and reports simulated MIPS (retired instructions
/// per host microsecond). Loading is not timed.
public enum SimulatorBenchmark {
    public struct Result: Sendable {
        public var instructions: UInt64
        public var exitCode: UInt32?
        /// Seconds per run, sorted.
        public var seconds: [Double]

        public var bestMIPS: Double { Double(instructions) / (seconds.first ?? .infinity) / 1e6 }
        public var medianMIPS: Double { Double(instructions) / seconds[seconds.count / 2] / 1e6 }

        public var summary: String {
            func fixed(_ value: Double) -> String { String(Int((value * 10).rounded())) .inserting(".", fromEnd: 1) }
            return "bench-sim: \(instructions) instructions per run, \(seconds.count) runs, "
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

    public static func measure(elfPath: String, platform: Platform = .xheep, runs: Int,
                               maxCycles: UInt64 = 1 << 40) throws -> Result {
        let image = try ELFImage(contentsOf: elfPath)
        var seconds: [Double] = []
        var instructions: UInt64 = 0
        var exitCode: UInt32?
        for _ in 0..<runs {
            let machine = try Machine(platform: platform, image: image)
            let start = now()
            let stop = machine.run(maxCycles: maxCycles)
            seconds.append(now() - start)
            guard case .exited(let code, _) = stop else { throw Failure.didNotExit(stop) }
            instructions = machine.instret
            exitCode = code
        }
        return Result(instructions: instructions, exitCode: exitCode, seconds: seconds.sorted())
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
