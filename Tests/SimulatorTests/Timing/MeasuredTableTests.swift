import Testing
@testable import Simulator

// Every row of the MEASURED table of RVM-SPEC.md §2 (RTL, input buffer depth 1,
// data in the word-interleaved banks), with the same methodology: mcycle around
// an unrolled block, (cycles for 64 - cycles for 16) / 48. The model is
// structural; these figures are not in it anywhere.

@Test func testIndependentMmasaTwoAccumulators() {
    let d = difference64minus16 { i in mmasa(md: 2 + UInt32(i % 2), ms1: 0, ms2: 1) }
    #expect(d == 48 * 12)
}

@Test func testIndependentMmasaFourAccumulators() {
    let d = difference64minus16 { i in mmasa(md: 2 + UInt32(i % 4), ms1: 0, ms2: 1) }
    #expect(d == 48 * 12)
}

@Test func testDependentMmasaChain() {
    let d = difference64minus16 { _ in mmasa(md: 2, ms1: 0, ms2: 1) }
    #expect(d == 48 * 14)
}

@Test func testMldRotatingDestination() {
    let d = difference64minus16 { i in mld(UInt32(i % 7)) }
    #expect(d == 48 * 5)
}

@Test func testMldSameDestination() {
    let d = difference64minus16 { _ in mld(1) }
    #expect(d == 48 * 9)
}

@Test func testMstRotatingSources() {
    // Sources m1..m7 (m0 would hit erratum 1).
    let d = difference64minus16 { i in mst(1 + UInt32(i % 7)) }
    #expect(d == 48 * 5)
}

@Test func testMzeroRotatingDestination() {
    let d = difference64minus16 { i in mzero(UInt32(i % 8)) }
    #expect(d == 48 * 4)
}

@Test func testMldPlusDependentMmasaPair() {
    // `mld.w m0` + `mmasa.w m2, m0, m1` (text order: md, ms2, ms1 -> encoding ms2 = m0, ms1 = m1).
    // 64 instructions = 32 pairs, 16 = 8 pairs: 24 pairs apart.
    let pair: (Int) -> Step = { i in i % 2 == 0 ? mld(0) : mmasa(md: 2, ms1: 1, ms2: 0) }
    let d = difference64minus16(pair)
    #expect(d == 24 * 14)
}

/// One shared tile load, then four (load, multiply) pairs into four accumulators:
/// the shape of the conv1d kernel sharing one im2col tile. The register choice
/// (m0 shared, m1 reloaded, accumulators m4..m7) is ours; the RTL program is not published.
func group(_ i: Int) -> [Step] {
    var steps = [mld(0, at: interleavedData)]
    for j in 0..<4 {
        steps.append(mld(1, at: interleavedData + 0x100 + 64 * UInt32(j)))
        steps.append(mmasa(md: 4 + UInt32(j), ms1: 1, ms2: 0))
    }
    return steps
}

@Test func testLoadPlusFourPairsGroup() {
    // 16 groups versus 4 groups: 12 groups apart.
    let many = measure((0..<16).flatMap(group))
    let few = measure((0..<4).flatMap(group))
    #expect(many - few == 12 * 48)
}

// Latencies: issue to the result being visible to a CPU polling loop, measured
// from the mcycle write (its 4 cycles are the "measurement overhead"). The
// functional core is sequentially consistent, so the poll's first load already
// returns the stored value; the model charges that load the wait until the
// word lands (CheckConfig.cpuLoadsWaitForAcceleratorStores), which is what the
// polling loop spends on hardware.

/// `lw t0, 60(a0); bne t0, t1, poll` reading the last word of row 3, falling through.
func poll(_ base: UInt32) -> [Step] {
    [Step(word: Enc.lw(X.t0, X.a0, 60), address: base + 3 * rowStride + 12),
     Step(word: Enc.bne(X.t0, X.t1, -4))]
}

@Test func testLoneMstLatency() {
    let cycles = measure([mst(1)] + poll(interleavedData))
    #expect(cycles == 19)
}

@Test func testMmasaThenMstLatency() {
    let cycles = measure([mmasa(md: 2, ms1: 0, ms2: 1), mst(2)] + poll(interleavedData))
    #expect(cycles == 26)
}
