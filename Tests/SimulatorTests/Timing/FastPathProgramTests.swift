import Foundation
import Testing
import TestSupport
@testable import Simulator

// The core's side of the fast path on whole programs: the run loop keeps the
// model's per-instruction state in a local, hands each case's timing class to
// `CPUPipeline.retireIfCommon` as a constant, and syncs the local with the model
// around every slow instruction (RVM, CSR reads of mcycle, traps). With
// per-function profiling on, every instruction takes the model's full path
// instead, so both runs of the same ELF must agree in every figure. (In debug
// builds the pipeline also asserts that each class the core passes matches
// OpcodeTable's.)

struct ProgramCase: Sendable, CustomStringConvertible {
    var file: String
    var defines: [String]
    /// The program's CPU accesses the code's bank: the run must show fetch-conflict stalls.
    var meetsFetch = false
    var description: String { ([file] + defines).joined(separator: " ") }
}

let fastPathPrograms: [ProgramCase] = [
    ProgramCase(file: "micro.c", defines: ["BENCH_LOAD_FOUR_PAIRS"]),   // RVM loads and mmasa.w, mcycle reads
    ProgramCase(file: "micro.c", defines: ["BENCH_MST_CONTIGUOUS"]),    // CPU/LSU bank conflicts
    ProgramCase(file: "micro.c", defines: ["BENCH_JAL_JALR"]),          // jumps, jalr dependency
    ProgramCase(file: "micro.c", defines: ["BENCH_DIV_SMALL_DIVISOR"]), // div, load-use
    ProgramCase(file: "race.c", defines: []),                           // hazards
    ProgramCase(file: "timeline.c", defines: []),
    ProgramCase(file: "micro.c", defines: ["BENCH_STORE_CODE_BANK"], meetsFetch: true),
    ProgramCase(file: "fetch_mix.c", defines: [], meetsFetch: true),      // every fetch-conflict situation
]

@Test(arguments: fastPathPrograms)
func testFastPathMatchesFullPathOnPrograms(_ c: ProgramCase) throws {
    let directory = try Toolchain.scratch()
    defer { try? FileManager.default.removeItem(at: directory) }
    let elf = try Toolchain.buildMicro(c.file, defines: c.defines, in: directory, name: "prog")
    func run(profiling: Bool) throws -> RunReport {
        let options = RunOptions(maxCycles: 10_000_000, timing: TimingOptions(profileFunctions: profiling))
        return try Simulation.run(elfPath: elf.path, platform: .xheep, options: options)
    }
    let fast = try run(profiling: false), full = try run(profiling: true)
    #expect(fast.exitCode != nil)
    #expect(fast.exitCode == full.exitCode)
    #expect(fast.instret == full.instret)
    var fastTiming = try #require(fast.timing), fullTiming = try #require(full.timing)
    #expect(fastTiming.functions.isEmpty && !fullTiming.functions.isEmpty)
    if c.meetsFetch { #expect(fastTiming.stalls["fetch-conflict", default: 0] > 0) }
    fastTiming.functions = []
    fullTiming.functions = []
    #expect(fastTiming == fullTiming)
}

/// The committed bench-sim ELF (CPU-only: matmul, CRC, sieve, divisions), its
/// first two million cycles: the mix `rvm bench-sim` measures. Its data shares
/// the code's bank, so most loads and stores meet the instruction fetch.
@Test func testFastPathMatchesFullPathOnBenchSim() throws {
    let elf = Repository.url("kernels/bench-sim/bench-sim.elf").path
    func run(profiling: Bool) throws -> RunReport {
        let options = RunOptions(maxCycles: 2_000_000, timing: TimingOptions(profileFunctions: profiling))
        return try Simulation.run(elfPath: elf, platform: .xheep, options: options)
    }
    let fast = try run(profiling: false), full = try run(profiling: true)
    #expect(fast.instret > 100_000)
    #expect(fast.instret == full.instret)
    var fastTiming = try #require(fast.timing), fullTiming = try #require(full.timing)
    #expect(fastTiming.stalls["fetch-conflict", default: 0] > 1000)
    fastTiming.functions = []
    fullTiming.functions = []
    #expect(fastTiming == fullTiming)
}
