import Foundation

/// The library entry point behind `rvm run` and `rvm bench`: load, check,
/// run (functional or timed), report.
///
///     var options = RunOptions(timing: TimingOptions())          // cycle model, defaults
///     let report = try Simulation.run(elfPath: "prog.elf", platform: .xheep, options: options)
///     report.cycles, report.timing?.stalls, try report.memory.words(symbol: "out", count: 64)
public enum Simulation {
    /// Runs the ELF file at `path`. Throws `ELFError`, `LoadError` or
    /// `CommitLogError`; program faults and timing failures (`--errata error`,
    /// `--strict-hazards`: the run goes on to its end and `timingFailure` names
    /// the first cause) are reported in the returned `RunReport`, not thrown.
    public static func run(elfPath path: String, platform: Platform, options: RunOptions) throws -> RunReport {
        try run(image: try ELFImage(contentsOf: path), platform: platform, options: options)
    }

    /// Runs an already loaded image (a fresh machine each call).
    public static func run(image: ELFImage, platform: Platform, options: RunOptions) throws -> RunReport {
        let console = Console(echo: options.echoConsole)
        let machine = try Machine(platform: platform, image: image, console: console)
        let writer = try options.commitLogPath.map { path throws(CommitLogError) in try CommitLogWriter(path: path) }
        defer { writer?.flush() }
        var report: RunReport
        if let timing = options.timing {
            report = runTimed(machine, platform: platform, timing: timing, writer: writer, maxCycles: options.maxCycles)
        } else if let writer {
            var observer = CommitLogObserver(inner: NoTiming(), writer: writer, machine: machine)
            let stop = machine.run(observer: &observer, maxCycles: options.maxCycles)
            report = RunReport(stopReason: stop, console: "", instret: machine.instret, cycles: observer.cycles)
        } else {
            var observer = NoTiming()
            let stop = machine.run(observer: &observer, maxCycles: options.maxCycles)
            report = RunReport(stopReason: stop, console: "", instret: machine.instret, cycles: observer.cycles)
        }
        console.flush()
        report.console = console.text
        report.memory = machine.memorySnapshot()
        return report
    }

    /// The cycle model as the core's observer (specialised here, inside the module).
    static func runTimed(_ machine: Machine, platform: Platform, timing: TimingOptions,
                         writer: CommitLogWriter?, maxCycles: UInt64) -> RunReport {
        var config = timing.config
        if config.memory.banks == nil { config.memory.banks = BankRegion.regions(of: platform.memoryMap) }
        let functions = timing.profileFunctions ? machine.symbols.functionRanges : []
        var model = TimingModel(config: config, functions: functions, timeline: timing.timeline)
        let stop: StopReason
        if let writer {
            var observer = CommitLogObserver(inner: model, writer: writer, machine: machine)
            stop = machine.run(observer: &observer, maxCycles: maxCycles)
            model = observer.inner
        } else {
            stop = machine.run(observer: &model, maxCycles: maxCycles)
        }
        let stats = model.finish()
        var report = RunReport(stopReason: stop, console: "", instret: machine.instret, cycles: stats.cycles)
        report.timing = stats
        report.timingFailure = model.failure
        report.timelineJSON = model.timelineJSON()
        return report
    }
}
