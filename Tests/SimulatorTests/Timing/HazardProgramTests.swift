import Foundation
import RISCV
import Testing
@testable import Simulator

// kernels/micro/race.c end to end: the CPU rewrites an im2col buffer while the
// mld.w of it still waits (input buffer 4 deep, RVM-SPEC.md §1), and with
// -DFIXED writes a second buffer instead.

func depthFour(_ hazards: CheckConfig.HazardMode = .report) -> TimingConfig {
    var config = TimingConfig()
    config.offload.inputBufferDepth = 4
    config.checks.hazards = hazards
    return config
}

@Suite struct HazardProgramTests {
    @Test func raceOnIm2colBufferIsReported() throws {
        let report = try runMicro("race.c", config: depthFour())
        #expect(report.exitCode == 0)
        let timing = try #require(report.timing)
        #expect(timing.hazardCount == 1)
        let hazard = try #require(timing.hazards.first)
        #expect(hazard.kind == .cpuStoreBeforeAcceleratorLoad)
        let im2col = try #require(report.memory.symbols.address(of: "im2col"))
        #expect(hazard.address == im2col + 4)
        #expect(decode(hazard.cpuInstruction).opcode == .sw)
        #expect(decode(hazard.acceleratorInstruction).opcode == .mldW)
        #expect(hazard.acceleratorPC < hazard.cpuPC)           // the mld.w came first in program order
        #expect(report.timingFailure == nil)
        // Functionally the mld.w read the old data (sequentially consistent core): the store landed afterwards.
        #expect(try report.words(symbol: "im2col", count: 2) == [0, 99])
    }

    @Test func fixedProgramIsClean() throws {
        let report = try runMicro("race.c", defines: ["FIXED"], config: depthFour())
        #expect(report.exitCode == 0)
        #expect(report.timing?.hazardCount == 0)
    }

    @Test func strictHazardsFailTheRun() throws {
        let report = try runMicro("race.c", config: depthFour(.strict))
        guard case .hazard(let hazard)? = report.timingFailure else {
            Issue.record("expected a hazard failure, got \(String(describing: report.timingFailure))")
            return
        }
        #expect(hazard.kind == .cpuStoreBeforeAcceleratorLoad)
        #expect(report.json.contains("\"timing_failure\": \"memory hazard at"))
    }

    /// kernels/micro/race_rewrite.c, the RTL observation of RVM-SPEC.md §1.
    /// Depth 4: the CPU is released at once (li, mv, li; stores to word w at
    /// A + 7 + 7w, A the last mmasa.w's issue); the mld.w waits behind the WAW
    /// chain on m2 and reads row r at about A + 33 + r: the four stores to row 0
    /// (words 0-3) have landed by then, the rest have not. Depth 1: the CPU is held
    /// on the mld.w until the chain's last mmasa.w is dispatched; accepted at a,
    /// the mld.w reads row r at a + 4 + r, and the first store (word 0, issued
    /// at a + 4 after li, mv, li) lands at a + 5 at the earliest: nothing is seen.
    @Test func rewriteIsPartlySeenAtDepthFourAndNotAtDepthOne() throws {
        let deep = try #require(try runMicro("race_rewrite.c", config: depthFour()).timing)
        let buffer = try #require(try runMicro("race_rewrite.c").memory.symbols.address(of: "buffer"))
        #expect(deep.hazardCount == 4)
        #expect(deep.hazards.allSatisfy { $0.kind == .cpuStoreBeforeAcceleratorLoad })
        #expect(deep.hazards.map(\.address) == [buffer, buffer + 4, buffer + 8, buffer + 12])   // row 0 only

        let shallow = try #require(try runMicro("race_rewrite.c").timing)
        #expect(shallow.hazardCount == 0)
        var strict = TimingConfig()
        strict.checks.hazards = .strict
        #expect(try runMicro("race_rewrite.c", config: strict).timingFailure == nil)
    }

    @Test func errataProgramIsWarnedWithPCAndWord() throws {
        let report = try runMicro("errata.c")
        let timing = try #require(report.timing)
        #expect(timing.errataCount == 1)
        let erratum = try #require(timing.errata.first)
        #expect(erratum.kind == .storeOfM0)
        #expect(decode(erratum.instruction).opcode == .mstW)
        #expect(decode(erratum.instruction).rd == 0)
        let main = try #require(report.memory.symbols.address(of: "main"))
        #expect(erratum.pc > main)
        #expect(report.timingFailure == nil)                    // warn is the default
        var strict = TimingConfig()
        strict.checks.errata = .error
        #expect(try runMicro("errata.c", config: strict).timingFailure == .erratum(erratum))
    }
}
