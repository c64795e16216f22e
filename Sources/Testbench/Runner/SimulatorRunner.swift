import Foundation
import Simulator

/// Runs a harness program on the project's simulator, in process: the ELF on
/// X-HEEP with the cycle model of cv32e40px + Quadrilatero (TimingConfig's
/// defaults, measured on the RTL) to its exit or the cycle limit; the
/// requested symbols are read back from RAM afterwards, and the commit log
/// and the Perfetto timeline are written when the request names a directory.
///
/// `timing: nil` runs the functional core alone (one cycle per instruction,
/// faster); every row then carries `functionalNote`, since its "cycles" are
/// instructions.
public struct SimulatorRunner: KernelRunner {
    public var platform: Platform
    public var timing: TimingOptions?
    /// Used when the request gives no cycle limit.
    public var defaultCycleLimit: UInt64

    public static let commitLogName = "commits.log"
    public static let timelineName = "timeline.json"
    public static let functionalNote = "cycles = instret (functional run, no timing model)"

    public init(platform: Platform = .xheep, timing: TimingOptions? = TimingOptions(profileFunctions: false),
                defaultCycleLimit: UInt64 = 200_000_000) {
        self.platform = platform
        self.timing = timing
        self.defaultCycleLimit = defaultCycleLimit
    }

    public func run(_ request: RunRequest) throws -> RunOutcome {
        let image: ELFImage
        do {
            image = try ELFImage(contentsOf: request.elf.path)
        } catch {
            throw SimulatorRunnerError.unloadable(path: request.elf.path, reason: "\(error)")
        }
        var options = RunOptions(maxCycles: request.cycleLimit ?? defaultCycleLimit, timing: timing)
        if let directory = request.traceDirectory {
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            } catch {
                throw SimulatorRunnerError.traceUnwritable(path: directory.path, reason: "\(error)")
            }
            options.commitLogPath = directory.appendingPathComponent(Self.commitLogName).path
            options.timing?.timeline = CycleWindow()
        }
        let report: RunReport
        do {
            report = try Simulation.run(image: image, platform: platform, options: options)
        } catch {
            throw SimulatorRunnerError.unloadable(path: request.elf.path, reason: "\(error)")
        }
        if let directory = request.traceDirectory, let timeline = report.timelineJSON {
            do {
                try timeline.write(to: directory.appendingPathComponent(Self.timelineName))
            } catch {
                throw SimulatorRunnerError.traceUnwritable(path: directory.path, reason: "\(error)")
            }
        }
        return Self.outcome(report, symbols: request.allSymbols)
    }

    static func outcome(_ report: RunReport, symbols: [SymbolRead]) -> RunOutcome {
        var contents: [String: [UInt8]] = [:]
        for symbol in symbols {
            // A missing symbol is left out; the driver says what it could not check.
            if let bytes = try? report.memory.bytes(symbol: symbol.name, count: symbol.byteCount) {
                contents[symbol.name] = bytes
            }
        }
        var outcome = RunOutcome(stopReason: stopReason(report), exitValue: report.exitCode, console: report.console,
                                 symbolContents: contents, cycles: report.cycles, instret: report.instret)
        guard let timing = report.timing else {
            outcome.notes = [functionalNote]
            return outcome
        }
        outcome.stallCycles = timing.stalls
        outcome.unitUtilisation = Dictionary(timing.units.map { ($0.name, $0.utilisation) }, uniquingKeysWith: { a, _ in a })
        let array = timing.units.first { $0.name == systolicArrayUnit }
        outcome.systolicArrayUtilisation = array?.utilisation
        outcome.systolicArrayBusyCycles = array?.busyCycles
        outcome.overlapCycles = timing.overlapCycles
        outcome.overlap = timing.totalCycles > 0 ? Double(timing.overlapCycles) / Double(timing.totalCycles) : nil
        outcome.detectsHazards = true
        outcome.hazardCount = Int(timing.hazardCount)
        outcome.hazards = timing.hazards.map(\.description)
        outcome.errata = timing.errata.map(\.description)
        if timing.errataCount > UInt64(timing.errata.count) {
            outcome.errata.append("\(timing.errataCount - UInt64(timing.errata.count)) more")
        }
        return outcome
    }

    /// `TimingReport.Unit.name` of the systolic array.
    static let systolicArrayUnit = "systolic array"

    static func stopReason(_ report: RunReport) -> RunOutcome.StopReason {
        switch report.stopReason {
        case .exited:
            // --strict-hazards / --errata error: the program ran to its end but the run failed.
            if let failure = report.timingFailure { return .fault("timing model: \(failure)") }
            return .exited
        case .cycleLimit(let cycles): return .cycleLimit(cycles)
        case .fault(let fault): return .fault(fault.description)
        }
    }
}

/// The simulator could not run the program at all.
public enum SimulatorRunnerError: Error, Equatable, CustomStringConvertible {
    case unloadable(path: String, reason: String)
    case traceUnwritable(path: String, reason: String)

    public var description: String {
        switch self {
        case .unloadable(let path, let reason): return "cannot load \(path): \(reason)"
        case .traceUnwritable(let path, let reason): return "cannot write traces in \(path): \(reason)"
        }
    }
}
