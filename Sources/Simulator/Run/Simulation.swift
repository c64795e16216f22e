/// Options of one `rvm run`.
public struct RunOptions: Sendable {
    /// Stop when the cycle count reaches this (functional mode: instructions).
    public var maxCycles: UInt64
    /// Write a Spike-format commit log here.
    public var commitLogPath: String?
    /// Echo the console to standard output while running.
    public var echoConsole: Bool

    public static let defaultMaxCycles: UInt64 = 1_000_000_000

    public init(maxCycles: UInt64 = defaultMaxCycles, commitLogPath: String? = nil, echoConsole: Bool = false) {
        self.maxCycles = maxCycles
        self.commitLogPath = commitLogPath
        self.echoConsole = echoConsole
    }
}

/// The library entry point behind `rvm run`: load, check, run, report.
public enum Simulation {
    /// Runs the ELF file at `path` in functional mode. Throws `ELFError`,
    /// `LoadError` or `CommitLogError`; program faults are reported in the
    /// returned `RunReport`, not thrown.
    public static func run(elfPath path: String, platform: Platform, options: RunOptions) throws -> RunReport {
        let image = try ELFImage(contentsOf: path)
        let console = Console(echo: options.echoConsole)
        let machine = try Machine(platform: platform, image: image, console: console)
        let stop: StopReason
        let cycles: UInt64
        if let logPath = options.commitLogPath {
            let writer = try CommitLogWriter(path: logPath)
            var observer = CommitLogObserver(inner: NoTiming(), writer: writer, machine: machine)
            stop = machine.run(observer: &observer, maxCycles: options.maxCycles)
            cycles = observer.cycles
            writer.flush()
        } else {
            var observer = NoTiming()
            stop = machine.run(observer: &observer, maxCycles: options.maxCycles)
            cycles = observer.cycles
        }
        console.flush()
        return RunReport(stopReason: stop, console: console.text, instret: machine.instret, cycles: cycles)
    }
}
