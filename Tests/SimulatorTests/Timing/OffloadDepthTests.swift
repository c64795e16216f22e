import Testing
@testable import Simulator

/// 16 `mmasa.w` on one accumulator. Derivation (c = issue of the first, the
/// mcycle write at c - 4): instruction k is dispatched at c + 1 + 14k (the first
/// after acceptToDispatch = 1, each next one when the WAW on the accumulator
/// clears, 14 apart as in the measured chain). With a buffer of depth D the CPU
/// offers instruction k once instruction k - D was dispatched (+1 slot reuse):
///   D = 1: the 16th is accepted at dispatch(14) + 1 = c + 198; mcycle = 199 + 4 = 203.
///   D = 4: the 16th is accepted at dispatch(11) + 1 = c + 156; mcycle = 157 + 4 = 161.
/// The CPU runs 3 chain steps (3 x 14 = 42 cycles) further ahead.
@Test func testInputBufferDepthOneVersusFour() {
    let chain = (0..<16).map { _ in mmasa(md: 2, ms1: 0, ms2: 1) }
    var deep = TimingConfig()
    deep.offload.inputBufferDepth = 4
    #expect(measure(chain) == 203)
    #expect(measure(chain, config: deep) == 161)

    // The accelerator's own schedule is the same: the work ends at the same cycle.
    var shallowRun = Harness(), deepRun = Harness(deep)
    shallowRun.run(timedBlock(chain))
    deepRun.run(timedBlock(chain))
    let a = shallowRun.model.finish(), b = deepRun.model.finish()
    #expect(a.totalCycles == b.totalCycles)
    #expect(b.drainCycles == a.drainCycles + 42)
}

@Test func testDrainAndUnitBusyOfOneMmasa() {
    // Issued at 0, accepted 0, dispatched 1, started 3 (saDispatchToStart 2), last row
    // written at 3 + 8 + 3 = 14, result at 15. The CPU is done at 1: drain 14.
    var h = Harness()
    h.run(mmasa(md: 2, ms1: 0, ms2: 1))
    let report = h.model.finish()
    #expect(report.cycles == 1)
    #expect(report.drainCycles == 14)
    #expect(report.totalCycles == 15)
    #expect(report.units[AcceleratorUnit.systolicArray.rawValue].busyCycles == 12)   // start .. start + saRestart
    #expect(report.units[AcceleratorUnit.systolicArray.rawValue].instructions == 1)
    #expect(report.overlapCycles == 0)        // nothing ran on the accelerator before exit
}

@Test func testOverlapCountsAcceleratorWorkBehindCPUWork() {
    // One mmasa.w (SA busy 5 ..< 17) behind 20 addi (CPU busy 1 ..< 21, never stalled):
    // all 12 busy cycles overlap CPU work.
    var h = Harness()
    h.run([mmasa(md: 2, ms1: 0, ms2: 1)] + (0..<20).map { _ in Step(word: Enc.addi(X.t0, X.t0, 1)) })
    let report = h.model.finish()
    #expect(report.cycles == 21)
    #expect(report.drainCycles == 0)
    #expect(report.overlapCycles == 12)
}
