import ArgumentParser
import Simulator
#if canImport(Glibc)
import Glibc
#endif

/// `rvm run PROGRAM.elf`: simulate an RV32IM + RVM program.
///
/// Exit status: the program's exit value (low 8 bits) when it exits; 2 when the
/// file cannot be loaded (not a usable ELF, does not fit the platform); 3 on a
/// program fault (illegal instruction without handler, access outside the
/// memory map); 4 when the cycle limit is reached.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Run an RV32 ELF program on the simulator.")

    @Argument(help: "The ELF file to run.")
    var program: String

    @Option(help: "Stop after this many cycles.")
    var maxCycles: UInt64 = RunOptions.defaultMaxCycles

    @Option(help: "Write a Spike-format commit log to this file.")
    var logCommits: String?

    @Flag(help: "Print one JSON object (exit_code, console, instret, cycles, stop_reason, message) instead of the console.")
    var json = false

    @Option(help: "Platform preset: xheep (default) or virt (QEMU virt, RAM at 0x80000000).")
    var platform: String = "xheep"

    func run() throws {
        guard let board = Platform.presets[platform] else {
            throw ValidationError("unknown platform '\(platform)' (choose: \(Platform.presets.keys.sorted().joined(separator: ", ")))")
        }
        let options = RunOptions(maxCycles: maxCycles, commitLogPath: logCommits, echoConsole: !json)
        let report: RunReport
        do {
            report = try Simulation.run(elfPath: program, platform: board, options: options)
        } catch {
            printError("rvm: \(program): \(error)")
            throw ExitCode(2)
        }
        if json {
            print(report.json)
        } else if case .exited = report.stopReason {
            // The console already went to stdout; nothing else on success.
        } else {
            printError("rvm: \(report.stopReason)")
        }
        switch report.stopReason {
        case .exited(let code, _): throw ExitCode(Int32(code & 0xFF))
        case .fault: throw ExitCode(3)
        case .cycleLimit: throw ExitCode(4)
        }
    }
}

/// One line to standard error (unbuffered, no shared FILE state).
func printError(_ message: String) {
    let line = Array((message + "\n").utf8)
    line.withUnsafeBytes { _ = write(2, $0.baseAddress, $0.count) }
}
