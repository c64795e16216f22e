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
