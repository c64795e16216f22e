import Foundation
import Testing
@testable import Simulator

/// The library entry point the testbench uses: timed runs, results read back
/// by symbol, typed errors for bad symbol reads; function ranges from symbols.
@Suite struct RunAPITests {
    static let program = """
        la t0, out
        li t1, 0x1234
        sw t1, 0(t0)
        li t1, -7
        sw t1, 4(t0)
        li a0, 0
        """
    static let data = """
        .globl out
        out: .word 0, 0, 0x55
        """

    @Test func timedRunReadsOutputBySymbol() throws {
        let directory = try Toolchain.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let elf = try Toolchain.assemble(AssemblyHarness.source(Self.program, data: Self.data), in: directory,
                                         linkerArguments: ["-T", Toolchain.runtime.appendingPathComponent("xheep.ld").path])
        let timed = try Simulation.run(elfPath: elf.path, platform: .xheep, options: RunOptions(timing: TimingOptions()))
        #expect(timed.exitCode == 0)
        #expect(try timed.words(symbol: "out", count: 3) == [0x1234, UInt32(bitPattern: -7), 0x55])
        #expect(try timed.memory.bytes(symbol: "out", count: 2) == [0x34, 0x12])
        #expect(throws: SymbolReadError.unknownSymbol("nope")) { try timed.words(symbol: "nope", count: 1) }
        #expect(throws: SymbolReadError.self) { try timed.words(symbol: "out", count: 1 << 20) }
        let timing = try #require(timed.timing)
        #expect(timing.cycles == timed.cycles)
        #expect(timing.instret == timed.instret)
        #expect(timing.functions.contains { $0.name == "_start" })

        let functional = try Simulation.run(elfPath: elf.path, platform: .xheep, options: RunOptions())
        #expect(functional.timing == nil)
        #expect(functional.cycles == functional.instret)
        #expect(functional.instret == timed.instret)          // timing never changes what runs
        #expect(try functional.words(symbol: "out", count: 3) == [0x1234, UInt32(bitPattern: -7), 0x55])
    }

    @Test func functionRangesFromSymbols() {
        let table = SymbolTable([
            Symbol(name: "_start", address: 0x180, size: 0x20, isCode: true),
            Symbol(name: "_exit", address: 0x190, size: 0, isCode: true),        // label inside _start
            Symbol(name: "main", address: 0x1A0, size: 0x40, isCode: true),
            Symbol(name: "main_alias", address: 0x1A0, size: 0, isCode: true),
            Symbol(name: "tail", address: 0x1F0, size: 0, isCode: true),         // unsized, up to the section end
            Symbol(name: "buffer", address: 0x1000, size: 64, isCode: false),
        ], codeSections: [CodeSection(name: ".text", range: 0x180..<0x200)])
        #expect(table.functionRanges == [
            FunctionRange(start: 0x180, end: 0x190, name: "_start"),
            FunctionRange(start: 0x190, end: 0x1A0, name: "_exit"),
            FunctionRange(start: 0x1A0, end: 0x1E0, name: "main"),
            FunctionRange(start: 0x1F0, end: 0x200, name: "tail"),
        ])
    }
}
