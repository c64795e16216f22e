import Testing
@testable import Simulator

// The CPU's instruction fetch against its own data port (FetchConflict): code
// runs from 0x188 (bank 0, contiguous); data at 0x600 shares that bank, data at
// 0x8100 (bank 1) does not. Costs: sw/addi 1, taken branch 3, not taken 1.

private let codeBank: UInt32 = 0x600
private let otherBank: UInt32 = 0x8100

/// `iterations` of `body` (starting at the loop top 0x188, the first PC after the
/// two timing CSRs) closed by a bne back to the top, not taken the last time.
private func loop(_ iterations: Int, _ body: [Step]) -> [Step] {
    let top: UInt32 = 0x188
    let branchOffset = -Int32(4 * body.count)
    return (0..<iterations).flatMap { i in
        body + [Step(word: Enc.bne(X.t0, X.zero, branchOffset), target: i < iterations - 1 ? top : nil)]
    }
}

@Test func testStoreToTheCodeBankDelaysTheFetchThreeAhead() {
    // sw; addi; addi; bne: the fetch in flight during the sw's EX is the bne's,
    // which is executed: one bubble per store. 4 + 7 x 6 + 4 = 50, plus 8.
    let body = { (address: UInt32) in
        [Step(word: Enc.sw(X.t0, X.a0, 0), address: address),
         Step(word: Enc.addi(X.a0, X.a0, 4)), Step(word: Enc.addi(X.t1, X.t1, -1))]
    }
    #expect(measure(loop(8, body(otherBank))) == 50)
    #expect(measure(loop(8, body(codeBank))) == 58)
    var h = Harness()
    h.run(timedBlock(loop(8, body(codeBank))))
    #expect(h.model.finish().stalls["fetch-conflict"] == 8)
    var off = TimingConfig()
    off.memory.fetchConflicts = false
    #expect(measure(loop(8, body(codeBank)), config: off) == 50)
}

@Test func testDelayedFetchOnTheWrongPathCostsNothing() {
    // sw; addi; bne: the late word (sw + 12) is past the taken bne. 4 + 7 x 5 + 3 = 42
    // either way (the last, falling-through iteration's bubble falls after the mcycle read).
    let body = { (address: UInt32) in
        [Step(word: Enc.sw(X.t0, X.a0, 0), address: address), Step(word: Enc.addi(X.a0, X.a0, 4))]
    }
    #expect(measure(loop(8, body(otherBank))) == 42)
    #expect(measure(loop(8, body(codeBank))) == 42)
}

@Test func testStallAfterTheStoreHidesTheDelay() {
    // sw; mulh (5); addi; bne: the prefetcher buffers a word while mulh holds ID.
    // 4 + 7 x (1 + 5 + 1 + 3) + (1 + 5 + 1 + 1) = 82 either way.
    let body = { (address: UInt32) in
        [Step(word: Enc.sw(X.t0, X.a0, 0), address: address), Step(word: Enc.mulh(X.t2, X.a0, X.a1)),
         Step(word: Enc.addi(X.a0, X.a0, 4))]
    }
    #expect(measure(loop(8, body(otherBank))) == 82)
    #expect(measure(loop(8, body(codeBank))) == 82)
}
