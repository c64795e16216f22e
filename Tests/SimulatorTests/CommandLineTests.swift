import Foundation
import Testing
import TestSupport
@testable import Simulator

/// `rvm run` as a user sees it: exit status, console, JSON, one-line errors.
/// Uses the `rvm` binary built next to the test bundle (`swift build --build-tests`).
@Suite struct CommandLineTests {
    static func rvm(_ arguments: [String]) throws -> ToolOutput {
        #expect((try? RVMExecutable.url()) != nil, "build the rvm tool first: swift build --build-tests")
        return try RVMExecutable.run(arguments, timeout: 60)
    }

    static func program(_ body: String, in directory: URL) throws -> URL {
        try Toolchain.assemble(AssemblyHarness.source(body), in: directory,
                               linkerArguments: ["-T", Toolchain.runtime.appendingPathComponent("xheep.ld").path])
    }

    @Test func exitStatusIsTheLowByteAndJSONHasTheFullValue() throws {
        let directory = try Toolchain.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let elf = try Self.program("""
            li t0, 0x200a0018
            li t1, 72
            sw t1, 0(t0)
            li t1, 10
            sw t1, 0(t0)
            li a0, -1240
            """, in: directory)
        let plain = try Self.rvm(["run", elf.path])
        #expect(plain.status == 40)                  // 0xfffffb28 & 0xff
        #expect(plain.stdout == "H\n")
        #expect(plain.stderr.isEmpty)

        let json = try Self.rvm(["run", elf.path, "--json"])
        #expect(json.status == 40)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["exit_code"] as? Int == -1240)
        #expect(object["console"] as? String == "H\n")
        #expect(object["stop_reason"] as? String == "exit")
        let instret = try #require(object["instret"] as? Int)
        #expect(instret == 11)                       // lui+addi, li, sw, li, sw, li (12-bit), harness 4
        #expect(object["cycles"] as? Int == instret)  // timed: all 11 are single-cycle (no load-use, branch or slow CSR)
    }

    @Test func faultsAndLimitsGiveOneLineAndDistinctStatuses() throws {
        let directory = try Toolchain.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let illegal = try Self.program(".word 0", in: directory)
        let result = try Self.rvm(["run", illegal.path])
        #expect(result.status == 3)
        #expect(result.stderr == "rvm: illegal instruction (no trap handler: mtvec = 0x00000000) at pc 0x00000180 <_start>, instruction 0x00000000\n")

        let loop = try Self.rvm(["run", try Self.program("1: j 1b", in: directory).path, "--max-cycles", "500"])
        #expect(loop.status == 4)
        #expect(loop.stderr == "rvm: stopped at the cycle limit (500 cycles): the program did not exit\n")

        let notELF = directory.appendingPathComponent("notes.txt")
        try "hello".write(to: notELF, atomically: true, encoding: .utf8)
        let bad = try Self.rvm(["run", notELF.path])
        #expect(bad.status == 2)
        #expect(bad.stderr == "rvm: \(notELF.path): not an ELF file\n")

        let platform = try Self.rvm(["run", notELF.path, "--platform", "pdp11"])
        #expect(platform.status != 0)
        #expect(platform.stderr.contains("unknown platform 'pdp11'"))
    }

    @Test func logCommitsWritesTheFile() throws {
        let directory = try Toolchain.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let elf = try Self.program("li a0, 3", in: directory)
        let log = directory.appendingPathComponent("log.txt")
        let result = try Self.rvm(["run", elf.path, "--log-commits", log.path])
        #expect(result.status == 3)
        let lines = try String(contentsOf: log, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 5)
        #expect(lines.first == "core   0: 3 0x00000180 (0x00300513) x10 0x00000003")
    }
}

/// The cycle-model options of `rvm run`, `rvm disasm` and the kernels/micro programs through the tool.
@Suite struct TimedCommandLineTests {
    static func micro(_ file: String, _ defines: [String] = [], in directory: URL) throws -> String {
        try Toolchain.buildMicro(file, defines: defines, in: directory, name: file.replacingOccurrences(of: ".c", with: "")).path
    }

    static func json(_ output: Toolchain.Output) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
    }

    @Test func timedByDefaultFunctionalWithTimingNone() throws {
        let directory = try Toolchain.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let elf = try Self.micro("micro.c", ["BENCH_MULH"], in: directory)
        let timed = try Self.json(try CommandLineTests.rvm(["run", elf, "--json"]))
        #expect(timed["exit_code"] as? Int == 84)
        #expect(timed["timing"] as? String == "cycle")
        let instret = try #require(timed["instret"] as? Int)
        let cycles = try #require(timed["cycles"] as? Int)
        #expect(cycles > instret)
        #expect((timed["stalls"] as? [String: Int])?["mulh"] == 16 * 4)
        #expect((timed["units"] as? [[String: Any]])?.count == 3)
        #expect((timed["functions"] as? [[String: Any]])?.contains { $0["name"] as? String == "main" } == true)
        for key in ["cpi", "overlap_cycles", "drain_cycles", "hazards", "errata", "stall_cycles"] {
            #expect(timed[key] != nil, "missing \(key)")
        }
        let functional = try Self.json(try CommandLineTests.rvm(["run", elf, "--json", "--timing", "none"]))
        #expect(functional["timing"] as? String == "none")
        #expect(functional["instret"] as? Int == instret)
        #expect(functional["cycles"] as? Int == instret)
        #expect(functional["exit_code"] as? Int == 1 + 16)          // csrw + 16 mulh, one cycle each
        let refused = try CommandLineTests.rvm(["run", elf, "--timing", "none", "--stats"])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("--stats needs the cycle model"))
    }

    @Test func statsConfigAndTimeline() throws {
        let directory = try Toolchain.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let elf = try Self.micro("micro.c", ["BENCH_MMASA_CHAIN16"], in: directory)
        let stats = try CommandLineTests.rvm(["run", elf, "--stats"])
        #expect(stats.status == 203 & 0xFF)
        #expect(stats.stderr.contains("CPI"))
        #expect(stats.stderr.contains("systolic array    busy"))
        #expect(stats.stderr.contains("cycles per function:"))

        let config = directory.appendingPathComponent("deep.json")
        try #"{"offload": {"inputBufferDepth": 4}}"#.write(to: config, atomically: true, encoding: .utf8)
        let deep = try Self.json(try CommandLineTests.rvm(["run", elf, "--json", "--config", config.path]))
        #expect(deep["exit_code"] as? Int == 161)

        try #"{"offload": {"inputBufferDepth": 0}}"#.write(to: config, atomically: true, encoding: .utf8)
        let invalid = try CommandLineTests.rvm(["run", elf, "--config", config.path])
        #expect(invalid.status == 2)
        #expect(invalid.stderr.contains("offload.inputBufferDepth must be 1...64"))

        let timeline = directory.appendingPathComponent("t.json")
        let windowed = try CommandLineTests.rvm(["run", elf, "--timeline", timeline.path, "--timeline-window", "0:100"])
        #expect(windowed.status == 203 & 0xFF)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: timeline)) as? [String: Any])
        let events = try #require(root["traceEvents"] as? [[String: Any]])
        #expect(events.contains { $0["ph"] as? String == "X" && $0["tid"] as? Int == 1 })
        #expect(events.allSatisfy { ($0["ts"] as? Int ?? 0) + ($0["dur"] as? Int ?? 0) <= 100 })
        let badWindow = try CommandLineTests.rvm(["run", elf, "--timeline", timeline.path, "--timeline-window", "9:3"])
        #expect(badWindow.status != 0)
        #expect(badWindow.stderr.contains("timeline window '9:3'"))
    }

    @Test func hazardsAndErrataFromTheCommandLine() throws {
        let directory = try Toolchain.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let config = directory.appendingPathComponent("deep.json")
        try #"{"offload": {"inputBufferDepth": 4}}"#.write(to: config, atomically: true, encoding: .utf8)
        let race = try Self.micro("race.c", in: directory)
        let warned = try CommandLineTests.rvm(["run", race, "--config", config.path])
        #expect(warned.status == 0)
        #expect(warned.stderr.hasPrefix("rvm: warning: memory hazard at 0x10004"))
        let strict = try CommandLineTests.rvm(["run", race, "--config", config.path, "--strict-hazards"])
        #expect(strict.status == 5)
        #expect(strict.stderr.contains("rvm: run failed: memory hazard at 0x10004"))

        let errata = try Self.micro("errata.c", in: directory)
        let warn = try CommandLineTests.rvm(["run", errata])
        #expect(warn.status == 0)
        #expect(warn.stderr.contains("rvm: warning: erratum at pc 0x"))
        #expect(warn.stderr.contains("mst.w of m0"))
        #expect(try CommandLineTests.rvm(["run", errata, "--errata", "error"]).status == 5)
        #expect(try CommandLineTests.rvm(["run", errata, "--errata", "off"]).stderr.isEmpty)
    }

    /// The listing has objdump's addresses, words and symbol headers
    /// (instruction text is checked against objdump in RISCVTests).
    @Test func disasmListsWhatObjdumpLists() throws {
        let directory = try Toolchain.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let elf = try Self.micro("micro.c", ["BENCH_JAL_JALR"], in: directory)
        let ours = try CommandLineTests.rvm(["disasm", elf])
        #expect(ours.status == 0)
        let reference = try Toolchain.run("riscv64-unknown-elf-objdump", ["-d", elf]).stdout
        func skeleton(_ text: String) -> [String] {
            text.split(separator: "\n").compactMap { line in
                if line.hasSuffix(">:") || line.hasPrefix("Disassembly of section") { return String(line) }
                let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
                guard fields.count >= 2, fields[0].hasSuffix(":") else { return nil }
                return fields[0] + " " + fields[1].trimmingCharacters(in: .whitespaces)
            }
        }
        #expect(skeleton(ours.stdout) == skeleton(reference))
        #expect(ours.stdout.contains("jal\tt2,"))
        #expect(ours.stdout.contains("mmasa.w") == false)     // JAL_JALR has no RVM; micro.c's others do
        let rvm = try Self.micro("micro.c", ["BENCH_MMASA_DEPENDENT"], in: directory)
        #expect(try CommandLineTests.rvm(["disasm", rvm]).stdout.contains("mmasa.w\tm2,m1,m0"))
    }
}
