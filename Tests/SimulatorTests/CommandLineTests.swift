import Foundation
import Testing
@testable import Simulator

/// `rvm run` as a user sees it: exit status, console, JSON, one-line errors.
/// Uses the `rvm` binary built next to the test bundle (`swift build --build-tests`).
@Suite struct CommandLineTests {
    static var tool: String {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        return bundle.appendingPathComponent("rvm").path
    }

    static func rvm(_ arguments: [String]) throws -> Toolchain.Output {
        #expect(FileManager.default.isExecutableFile(atPath: tool), "build the rvm tool first: swift build --build-tests")
        return try Toolchain.run(tool, arguments, timeout: 60, check: false)
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
        #expect(object["cycles"] as? Int == instret)
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
