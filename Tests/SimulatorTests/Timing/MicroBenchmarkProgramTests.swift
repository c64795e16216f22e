import Foundation
import RISCV
import Testing
@testable import Simulator

// The micro-benchmarks of kernels/micro end to end: C + inline assembly built
// with the cross toolchain and the X-HEEP runtime, run by the functional core
// with the cycle model as its observer, timed by the program itself through
// mcycle (RVM-SPEC.md §3 methodology). Each program returns its figure as the
// exit value. Measured figures are RVM-SPEC.md §2 (RTL); derived ones follow
// from the TimingConfig defaults as written next to them (the same streams are
// checked against the model alone in the other Timing tests).

struct MicroCase: Sendable, CustomStringConvertible {
    var bench: String
    var expected: UInt32
    var description: String { bench }
}

let microCases: [MicroCase] = [
    // Steady state: mcycle(64 unrolled) - mcycle(16) = 48 x cycles per instruction (measured).
    MicroCase(bench: "MMASA_INDEPENDENT2", expected: 48 * 12),
    MicroCase(bench: "MMASA_INDEPENDENT4", expected: 48 * 12),
    MicroCase(bench: "MMASA_DEPENDENT", expected: 48 * 14),
    MicroCase(bench: "MLD_ROTATING", expected: 48 * 5),
    MicroCase(bench: "MLD_SAME", expected: 48 * 9),
    MicroCase(bench: "MST_ROTATING", expected: 48 * 5),
    MicroCase(bench: "MZERO_ROTATING", expected: 48 * 4),
    MicroCase(bench: "MLD_MMASA_PAIR", expected: 24 * 14),          // 32 - 8 pairs, 14 each
    MicroCase(bench: "LOAD_FOUR_PAIRS", expected: 12 * 48),         // 16 - 4 groups, 48 each
    // Latencies from the mcycle write (its 4 cycles included) to the poll seeing the data (measured).
    MicroCase(bench: "MST_LATENCY", expected: 19),
    MicroCase(bench: "MMASA_MST_LATENCY", expected: 26),
    // Contiguous banks (derived): a row's 4 words share one bank and serialize.
    //   mld.w: row r granted at start + 4r + 3, next load lsuLoadRestart = 2 after the
    //   last grant: 15 + 2 = 17 per load. mst.w: 16 words granted at start + 1 ...
    //   start + 16, the next starts after the last row issued: 16 per store.
    MicroCase(bench: "MLD_CONTIGUOUS", expected: 48 * 17),
    MicroCase(bench: "MST_CONTIGUOUS", expected: 48 * 16),
    // CPU: 4 (csrw mcycle, a slow CSR) + the body.
    MicroCase(bench: "LOAD_USE", expected: 4 + 16 * 3),            // lw + dependent addi: 3 per pair (measured)
    MicroCase(bench: "MULH", expected: 4 + 16 * 5),                // mulh 5 (measured)
    MicroCase(bench: "CSRR_MCYCLE", expected: 4 + 16 * 4),         // csrr mcycle 4 (measured)
    MicroCase(bench: "SINGLE_CYCLE", expected: 4 + 4 * 5),         // nop, addi, lw, sw, mul: 1 each (measured)
    // li 1; 9 x (addi 1 + taken bnez 3 (measured)); last addi 1 + bnez not taken 1.
    MicroCase(bench: "TAKEN_BRANCH", expected: 4 + 1 + 9 * 4 + 2),
    // 8 x (jal 2 + j 2 + addi 1 + jalr 2) (derived: jumps 2, SPEC §2 table; no jalr dependency,
    // its rs1 t2 is written by the jal two instructions earlier).
    MicroCase(bench: "JAL_JALR", expected: 4 + 8 * 7),
    // divu: divBase 3 + leading zeros of the divisor (derived, SPEC §2 table).
    MicroCase(bench: "DIV_SMALL_DIVISOR", expected: 4 + 4 * (3 + 31)),   // divisor 1
    MicroCase(bench: "DIV_LARGE_DIVISOR", expected: 4 + 4 * (3 + 0)),    // divisor 0x8000_0000
    // 16 stores in a loop, li 1; 15 x (sw 1 + addi 1 + addi 1 + bnez taken 3) + 4 (derived).
    // Into the bank the code is fetched from, each store delays the fetch of the
    // bnez three instructions on: one cycle more per store (FetchConflict, derived).
    MicroCase(bench: "STORE_OTHER_BANK", expected: 4 + 1 + 15 * 6 + 4),
    MicroCase(bench: "STORE_CODE_BANK", expected: 4 + 1 + 15 * 6 + 4 + 16),
]

/// Builds and runs one kernels/micro program with the cycle model.
func runMicro(_ file: String, defines: [String] = [], config: TimingConfig = TimingConfig(),
              timeline: CycleWindow? = nil) throws -> RunReport {
    let directory = try Toolchain.scratch()
    defer { try? FileManager.default.removeItem(at: directory) }
    let elf = try Toolchain.buildMicro(file, defines: defines, in: directory, name: "micro")
    let options = RunOptions(maxCycles: 10_000_000, timing: TimingOptions(config: config, timeline: timeline))
    return try Simulation.run(elfPath: elf.path, platform: .xheep, options: options)
}

@Suite struct MicroBenchmarkProgramTests {
    @Test(arguments: microCases)
    func figureMatches(_ c: MicroCase) throws {
        let report = try runMicro("micro.c", defines: ["BENCH_\(c.bench)"])
        #expect(report.exitCode == c.expected)
        #expect(report.timing?.errataCount == 0)
    }

    /// 16 dependent mmasa.w (derivation in OffloadDepthTests): the CPU is released
    /// 3 chain steps (42 cycles) earlier with 4 buffer entries: 203 -> 161.
    @Test func inputBufferDepthOneVersusFour() throws {
        var deep = TimingConfig()
        deep.offload.inputBufferDepth = 4
        let shallowRun = try runMicro("micro.c", defines: ["BENCH_MMASA_CHAIN16"])
        let deepRun = try runMicro("micro.c", defines: ["BENCH_MMASA_CHAIN16"], config: deep)
        #expect(shallowRun.exitCode == 203)
        #expect(deepRun.exitCode == 161)
        // Same accelerator work, so the 42 cycles reappear as drain.
        #expect(deepRun.timing.map { $0.drainCycles } == shallowRun.timing.map { $0.drainCycles + 42 })
    }

    /// The polls of the latency programs read a word the mst.w has not written
    /// yet (the functional core already has it): reported, and charged the wait.
    @Test func latencyPollIsAHazardChargedItsWait() throws {
        let report = try runMicro("micro.c", defines: ["BENCH_MST_LATENCY"])
        let timing = try #require(report.timing)
        #expect(timing.hazards.first?.kind == .cpuLoadBeforeAcceleratorStore)
        #expect((timing.stalls["accelerator-store-wait"] ?? 0) > 0)
        #expect(report.timingFailure == nil)
    }
}
