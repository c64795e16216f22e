import Foundation
import Simulator

/// Runs a harness program on the project's simulator, in process: loads the
/// ELF on the X-HEEP platform, runs it to its exit (or the cycle limit), reads
/// the requested symbols back from simulated RAM, and writes the traces when
/// the request names a directory.
///
/// Timing: FUNCTIONAL ONLY for now. The timing model is not yet connected to
/// the core, so mcycle advances by one per retired instruction: the rows'
/// cycles equal their instret, CPI is 1, and there is no systolic-array
/// utilisation, overlap, hazard detection or timeline. `timingNote` says so
/// in every row (see `RunOutcome.notes`).
public struct SimulatorRunner: KernelRunner {
    public var platform: Platform
    /// Used when the request gives no cycle limit.
    public var defaultCycleLimit: UInt64

    public static let commitLogName = "commits.log"
    public static let timingNote = "cycles = instret (timing model not connected)"

    public init(platform: Platform = .xheep, defaultCycleLimit: UInt64 = 200_000_000) {
        self.platform = platform
        self.defaultCycleLimit = defaultCycleLimit
    }

    public func run(_ request: RunRequest) throws -> RunOutcome {
        let image: ELFImage
        do {
            image = try ELFImage(contentsOf: request.elf.path)
        } catch {
            throw SimulatorRunnerError.unloadable(path: request.elf.path, reason: "\(error)")
        }
        let console = Console(echo: false)
        let machine: Machine
        do {
            machine = try Machine(platform: platform, image: image, console: console)
        } catch {
            throw SimulatorRunnerError.unloadable(path: request.elf.path, reason: "\(error)")
        }
        let limit = request.cycleLimit ?? defaultCycleLimit
        let stop: StopReason
        let cycles: UInt64
        if let directory = request.traceDirectory {
            let writer = try commitLogWriter(in: directory)
            var observer = CommitLogObserver(inner: NoTiming(), writer: writer, machine: machine)
            stop = machine.run(observer: &observer, maxCycles: limit)
            cycles = observer.cycles
            writer.flush()
        } else {
            var observer = NoTiming()
            stop = machine.run(observer: &observer, maxCycles: limit)
            cycles = observer.cycles
        }
        console.flush()

        var outcome = RunOutcome(stopReason: Self.stopReason(stop), exitValue: Self.exitValue(stop),
                                 console: console.text, symbolContents: Self.read(request.allSymbols, from: machine),
                                 cycles: cycles, instret: machine.instret)
        outcome.notes = [Self.timingNote]
        return outcome
    }

    func commitLogWriter(in directory: URL) throws -> CommitLogWriter {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            return try CommitLogWriter(path: directory.appendingPathComponent(Self.commitLogName).path)
        } catch {
            throw SimulatorRunnerError.traceUnwritable(path: directory.path, reason: "\(error)")
        }
    }

    /// Each requested symbol that exists and lies wholly in RAM; the others
    /// are left out, and the driver reports what is missing.
    static func read(_ symbols: [SymbolRead], from machine: Machine) -> [String: [UInt8]] {
        var contents: [String: [UInt8]] = [:]
        for symbol in symbols {
            guard let address = machine.symbols.address(of: symbol.name),
                  let bytes = machine.readMemory(address, count: symbol.byteCount) else { continue }
            contents[symbol.name] = bytes
        }
        return contents
    }

    static func stopReason(_ stop: StopReason) -> RunOutcome.StopReason {
        switch stop {
        case .exited: return .exited
        case .cycleLimit(let cycles): return .cycleLimit(cycles)
        case .fault(let fault): return .fault(fault.description)
        }
    }

    static func exitValue(_ stop: StopReason) -> UInt32? {
        if case .exited(let code, _) = stop { return code }
        return nil
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
