import Foundation
import Testing
import TestSupport
@testable import Simulator

/// `rvm run` / `rvm disasm` / `rvm bench-sim` given bad values: an error that
/// names the problem, a non-zero status, no stack trace, and output files
/// checked before a long run rather than after it.
@Suite struct CommandLineBadInputTests {
    static func rvm(_ arguments: [String]) throws -> ToolOutput { try CommandLineTests.rvm(arguments) }

    /// ArgumentParser's usage errors: "Error: ..." first, status 64, no backtrace.
    static func expectUsageError(_ result: ToolOutput, _ message: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(result.status == 64, sourceLocation: sourceLocation)
        #expect(result.stderr.hasPrefix("Error: \(message)\n"), "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(!result.stderr.contains("Backtrac") && !result.stderr.contains("Fatal error"), sourceLocation: sourceLocation)
    }

    @Test func badOptionValues() throws {
        let directory = try Toolchain.scratch()
        defer { ScratchDirectory.remove(directory) }
        let elf = try CommandLineTests.program("li a0, 0", in: directory).path
        // "-1" used to be taken for a flag: "Missing value for '--max-cycles'".
        Self.expectUsageError(try Self.rvm(["run", elf, "--max-cycles", "-1"]),
                              "The value '-1' is invalid for '--max-cycles <max-cycles>'")
        Self.expectUsageError(try Self.rvm(["run", elf, "--max-cycles", "lots"]),
                              "The value 'lots' is invalid for '--max-cycles <max-cycles>'")
        let timeline = directory.appendingPathComponent("t.json").path
        Self.expectUsageError(try Self.rvm(["run", elf, "--timeline", timeline, "--timeline-window", "10:5"]),
                              "--timeline-window: timeline window '10:5' is not START:END with START < END (cycles)")
        Self.expectUsageError(try Self.rvm(["run", elf, "--timeline", timeline, "--timeline-window", "abc"]),
                              "--timeline-window: timeline window 'abc' is not START:END with START < END (cycles)")
        // The usage shown is run's, not the top-level "rvm <subcommand>".
        let platform = try Self.rvm(["run", elf, "--platform", "nope"])
        Self.expectUsageError(platform, "unknown platform 'nope' (choose: virt, xheep)")
        #expect(platform.stderr.contains("Usage: rvm run <program>"))
        Self.expectUsageError(try Self.rvm(["bench-sim", "--elf", elf, "--runs", "0"]), "--runs must be at least 1 (got 0)")
        Self.expectUsageError(try Self.rvm(["bench-sim", "--elf", elf, "--runs", "-3"]), "--runs must be at least 1 (got -3)")
        #expect(!FileManager.default.fileExists(atPath: timeline))
    }

    @Test func unwritableOutputsAreReportedBeforeTheRun() throws {
        let directory = try Toolchain.scratch()
        defer { ScratchDirectory.remove(directory) }
        let elf = try CommandLineTests.program("li a0, 0", in: directory).path
        let missing = directory.appendingPathComponent("missing/t.json").path
        let timeline = try Self.rvm(["run", elf, "--timeline", missing])
        #expect(timeline.status == 2)
        #expect(timeline.stderr == "rvm: cannot write the timeline to \(missing): directory \(directory.path)/missing does not exist\n")
        let log = try Self.rvm(["run", elf, "--log-commits", directory.path])
        #expect(log.status == 2)
        #expect(log.stderr == "rvm: cannot write the commit log to \(directory.path): it is a directory\n")
    }

    @Test func unreadableProgramsAndConfigurations() throws {
        let directory = try Toolchain.scratch()
        defer { ScratchDirectory.remove(directory) }
        let elf = try CommandLineTests.program("li a0, 0", in: directory).path
        for command in ["run", "disasm"] {
            let result = try Self.rvm([command, directory.path])
            #expect(result.status == 2)
            #expect(result.stderr == "rvm: \(directory.path): cannot read \(directory.path): it is a directory\n")
        }
        let config = try Self.rvm(["run", elf, "--config", directory.path])
        #expect(config.status == 2)
        #expect(config.stderr == "rvm: \(directory.path): cannot read the timing configuration \(directory.path): it is a directory\n")
    }

    /// A misspelt field used to be ignored (the default kept, silently); a
    /// negative count was reported as "not valid JSON".
    @Test func timingConfigurationsAreCheckedFieldByField() throws {
        let directory = try Toolchain.scratch()
        defer { ScratchDirectory.remove(directory) }
        let elf = try CommandLineTests.program("li a0, 0", in: directory).path
        func run(_ json: String) throws -> ToolOutput {
            let file = directory.appendingPathComponent("config.json")
            try json.write(to: file, atomically: true, encoding: .utf8)
            return try Self.rvm(["run", elf, "--config", file.path])
        }
        let prefix = "rvm: \(directory.path)/config.json: timing configuration"
        let typo = try run(#"{"offload": {"inputBuferDepth": 4}}"#)
        #expect(typo.status == 2)
        #expect(typo.stderr == "\(prefix): unknown field 'offload.inputBuferDepth' (known here: acceptToDispatch, inputBufferDepth, slotReuse)\n")
        let bank = try run(#"{"memory": {"banks": [{"kind": "interleaved", "base": 0, "bankSize": 16384, "bankcount": 4}]}}"#)
        #expect(bank.stderr == "\(prefix): unknown field 'memory.banks[0].bankcount' (known here: bankCount, bankSize, base, kind)\n")
        let negative = try run(#"{"cpu": {"divBase": -4}}"#)
        #expect(negative.stderr == "\(prefix): cpu.divBase must not be negative (got -4)\n")
        let depth = try run(#"{"offload": {"inputBufferDepth": 0}}"#)
        #expect(depth.stderr == "\(prefix): offload.inputBufferDepth must be 1...64\n")
        let broken = try run(#"{"offload": "#)
        #expect(broken.status == 2)
        #expect(broken.stderr.hasPrefix("\(prefix) is not valid JSON for the model: "))
        #expect(broken.stderr.split(separator: "\n").count == 1)
        // A correct partial file still works.
        let good = try run(#"{"offload": {"inputBufferDepth": 2}, "checks": {"cpuLoadsWaitForAcceleratorStores": false}}"#)
        #expect(good.status == 0, "\(good.stderr)")
    }
}
