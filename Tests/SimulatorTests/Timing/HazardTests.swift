import Testing
@testable import Simulator

let im2col: UInt32 = interleavedData + 0x400

/// The race of RVM-SPEC §1: a chain of `mmasa.w` keeps the array busy, an
/// `mld.w m0` of the im2col buffer waits behind it in a 4-deep input buffer,
/// and the CPU rewrites the buffer right after offloading the load.
func im2colProgram(storeBeforeLoad: Bool) -> [Step] {
    let work = (0..<3).map { _ in mmasa(md: 2, ms1: 1, ms2: 0) }
    let load = mld(0, at: im2col)
    let rewrite = Step(word: Enc.sw(X.t0, X.a2, 4), address: im2col + 4)
    return work + (storeBeforeLoad ? [rewrite, load] : [load, rewrite])
}

func depth4() -> TimingConfig {
    var c = TimingConfig()
    c.offload.inputBufferDepth = 4
    return c
}

@Test func testRaceOnIm2colBufferIsReported() throws {
    var h = Harness(depth4())
    h.run(im2colProgram(storeBeforeLoad: false))
    let report = h.model.finish()
    #expect(report.hazardCount == 1)
    let hazard = try #require(report.hazards.first)
    #expect(hazard.kind == .cpuStoreBeforeAcceleratorLoad)
    #expect(hazard.address == im2col + 4)
    #expect(hazard.cpuPC == UInt32(0x180 + 4 * 4))               // the sw, fifth instruction
    #expect(hazard.cpuInstruction == Enc.sw(X.t0, X.a2, 4))
    #expect(hazard.acceleratorPC == UInt32(0x180 + 3 * 4))       // the mld.w
    #expect(hazard.acceleratorInstruction == Enc.mld(0, X.a0, X.a1))
    #expect(h.model.failure == nil)                        // report mode
}

@Test func testSameProgramWithoutRaceIsClean() {
    var h = Harness(depth4())
    h.run(im2colProgram(storeBeforeLoad: true))
    #expect(h.model.finish().hazardCount == 0)
}

@Test func testStrictHazardsFailTheRun() {
    var config = depth4()
    config.checks.hazards = .strict
    var h = Harness(config)
    h.run(im2colProgram(storeBeforeLoad: false))
    guard case .hazard(let hazard)? = h.model.failure else {
        Issue.record("expected a hazard failure")
        return
    }
    #expect(hazard.kind == .cpuStoreBeforeAcceleratorLoad)
}

@Test func testHazardsOffReportsNothing() {
    var config = depth4()
    config.checks.hazards = .off
    var h = Harness(config)
    h.run(im2colProgram(storeBeforeLoad: false))
    #expect(h.model.finish().hazardCount == 0)
}

@Test func testCPULoadOfWordAnMstHasNotWritten() {
    var h = Harness()
    h.run([mst(1)] + poll(interleavedData))
    let report = h.model.finish()
    #expect(report.hazardCount == 1)
    #expect(report.hazards.first?.kind == .cpuLoadBeforeAcceleratorStore)
    #expect(report.hazards.first?.address == interleavedData + 60)
    // The load waited from c + 1 until row 3 landed at c + 12 (see the latency test).
    #expect(report.stalls["accelerator-store-wait"] == 11)
    // A load of a word outside the stored tile is no hazard.
    var other = Harness()
    other.run([mst(1), Step(word: Enc.lw(X.t0, X.a0, 64), address: interleavedData + 64)])
    #expect(other.model.finish().hazardCount == 0)
}

@Test func testMldReadingBeforeEarlierCPUStoreLands() {
    // With a 50-cycle CPU write buffer the store lands at 51; the mld.w right
    // after it reads row 0 at 1 + 3 + 3 = 7: it misses the store.
    var config = TimingConfig()
    config.memory.cpuStoreDelay = 50
    var h = Harness(config)
    h.run([Step(word: Enc.sw(X.t0, X.a2, 0), address: im2col), mld(0, at: im2col)])
    let report = h.model.finish()
    #expect(report.hazardCount == 1)
    #expect(report.hazards.first?.kind == .acceleratorLoadBeforeCPUStore)
    #expect(report.hazards.first?.cpuPC == 0x180)
    #expect(report.hazards.first?.acceleratorPC == 0x184)
}
