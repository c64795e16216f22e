import ArgumentParser
import Foundation
import Simulator
#if canImport(Glibc)
import Glibc
#endif

/// `rvm run PROGRAM.elf`: simulate an RV32IM + RVM program, with the cycle
/// model of cv32e40px + Quadrilatero (default) or functionally (`--timing none`).
///
/// Exit status: the program's exit value (low 8 bits) when it exits; 2 when the
/// file or the timing configuration cannot be loaded; 3 on a program fault
/// (illegal instruction without handler, access outside the memory map); 4
/// when the cycle limit is reached; 5 when the cycle model failed the run
/// (`--errata error`, `--strict-hazards`).
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Run an RV32 ELF program on the simulator.")

    enum TimingMode: String, ExpressibleByArgument, CaseIterable { case none, cycle }
    enum ErrataMode: String, ExpressibleByArgument, CaseIterable { case warn, error, off }

    @Argument(help: "The ELF file to run.")
    var program: String

    // .unconditional: "-1" is a bad value to report, not a missing one.
    @Option(parsing: .unconditional, help: "Stop after this many cycles.")
    var maxCycles: UInt64 = RunOptions.defaultMaxCycles

    @Option(help: "Write a Spike-format commit log to this file.")
    var logCommits: String?

    @Flag(help: "Print one JSON object (exit_code, console, instret, cycles, stop_reason, message; timed: cpi, stalls, units, overlap, drain, hazards, errata, functions) instead of the console.")
    var json = false

    @Option(help: "Platform preset: xheep (default) or virt (QEMU virt, RAM at 0x80000000).")
    var platform: String = "xheep"

    @Option(help: "cycle: the cycle model (default); none: functional, one cycle per instruction (fastest).")
    var timing: TimingMode = .cycle

    @Option(help: "Timing configuration (JSON; fields left out keep their defaults).")
    var config: String?

    @Option(help: "RTL errata (mst.w of m0, matrix multiply with ms1 == ms2): warn, error or off.")
    var errata: ErrataMode?

    @Flag(help: "Fail the run on any CPU/accelerator memory hazard.")
    var strictHazards = false

    @Flag(help: "Print the cycle model's statistics (stalls, unit utilisation, overlap, cycles per function) to standard error.")
    var stats = false

    @Option(help: "Write a Chrome/Perfetto trace-event timeline (open in ui.perfetto.dev).")
    var timeline: String?

    @Option(parsing: .unconditional, help: "Cycle window START:END of the timeline (either side may be empty).")
    var timelineWindow: String?

    func validate() throws {
        if timing == .none {
            for (set, name) in [(stats, "--stats"), (timeline != nil, "--timeline"), (timelineWindow != nil, "--timeline-window"),
                                (config != nil, "--config"), (errata != nil, "--errata"), (strictHazards, "--strict-hazards")] where set {
                throw ValidationError("\(name) needs the cycle model (--timing cycle)")
            }
        }
        if timelineWindow != nil && timeline == nil { throw ValidationError("--timeline-window needs --timeline FILE") }
        if Platform.presets[platform] == nil {
            throw ValidationError("unknown platform '\(platform)' (choose: \(Platform.presets.keys.sorted().joined(separator: ", ")))")
        }
        if let timelineWindow {
            do { _ = try CycleWindow(parsing: timelineWindow) } catch { throw ValidationError("--timeline-window: \(error)") }
        }
    }

    func run() throws {
        let board = Platform.presets[platform] ?? .xheep   // checked in validate()
        // Output files are checked before the run, not after minutes of simulation.
        for (path, what) in [(logCommits, "commit log"), (timeline, "timeline")] {
            guard let path else { continue }
            do { try HostFile.checkWritable(path) } catch {
                printError("rvm: cannot write the \(what) to \(path): \(error.reason)")
                throw ExitCode(2)
            }
        }
        var options = RunOptions(maxCycles: maxCycles, commitLogPath: logCommits, echoConsole: !json)
        if timing == .cycle { options.timing = try timingOptions() }
        let report: RunReport
        do {
            report = try Simulation.run(elfPath: program, platform: board, options: options)
        } catch {
            printError("rvm: \(program): \(error)")
            throw ExitCode(2)
        }
        if let path = timeline, let data = report.timelineJSON {
            do { try HostFile.write(Array(data), to: path) } catch {
                printError("rvm: cannot write the timeline to \(path): \(error.reason)")
                throw ExitCode(2)
            }
        }
        if json {
            print(report.json)
        } else if case .exited = report.stopReason {
            // The console already went to stdout; nothing else on success.
        } else {
            printError("rvm: \(report.stopReason)")
        }
        if let timing = report.timing { warn(about: timing) }
        if stats, let timing = report.timing { printError(timing.text) }
        if let failure = report.timingFailure {
            printError("rvm: run failed: \(failure)")
            throw ExitCode(5)
        }
        switch report.stopReason {
        case .exited(let code, _): throw ExitCode(Int32(code & 0xFF))
        case .fault: throw ExitCode(3)
        case .cycleLimit: throw ExitCode(4)
        }
    }

    /// The timing configuration: defaults, then `--config`, then the flags.
    private func timingOptions() throws -> TimingOptions {
        var config = TimingConfig()
        if let path = self.config {
            do {
                config = try TimingConfigFile.load(path: path)
            } catch {
                printError("rvm: \(path): \(error)")
                throw ExitCode(2)
            }
        }
        if let errata {
            switch errata {
            case .warn: config.checks.errata = .warn
            case .error: config.checks.errata = .error
            case .off: config.checks.errata = .off
            }
        }
        if strictHazards { config.checks.hazards = .strict }
        var window: CycleWindow?
        if timeline != nil {
            window = timelineWindow.flatMap { try? CycleWindow(parsing: $0) } ?? CycleWindow()   // checked in validate()
        }
        // Cycles per function cost speed; only reports that show them pay for them.
        return TimingOptions(config: config, timeline: window, profileFunctions: stats || json || timeline != nil)
    }

    /// Errata (warn mode) and hazards as warnings on standard error; the strict
    /// modes report their first cause as the failure instead.
    private func warn(about timing: TimingReport) {
        for erratum in timing.errata { printError("rvm: warning: \(erratum)") }
        if timing.errataCount > UInt64(timing.errata.count) {
            printError("rvm: warning: \(timing.errataCount - UInt64(timing.errata.count)) more errata not listed")
        }
        for hazard in timing.hazards { printError("rvm: warning: \(hazard)") }
        if timing.hazardCount > UInt64(timing.hazards.count) {
            printError("rvm: warning: \(timing.hazardCount - UInt64(timing.hazards.count)) more memory hazards not listed")
        }
    }
}

/// One line to standard error (unbuffered, no shared FILE state).
func printError(_ message: String) {
    let line = Array((message + "\n").utf8)
    line.withUnsafeBytes { _ = write(2, $0.baseAddress, $0.count) }
}
