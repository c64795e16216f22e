import Testing
import RISCV
@testable import Simulator

// The CPU's instruction fetch against its own data port (FetchConflict): code
// runs from 0x188 (bank 0, contiguous); data at 0x600 shares that bank, data at
// 0x8100 (bank 1) does not. Costs: sw/addi 1, taken branch 3, not taken 1.

private let codeBank: UInt32 = 0x600
private let otherBank: UInt32 = 0x8100

/// `iterations` of `body` (starting at the loop top, by default 0x188, the first
/// PC after the two timing CSRs) closed by a bne back to the top, not taken the last time.
private func loop(_ iterations: Int, _ body: [Step], top: UInt32 = 0x188) -> [Step] {
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

@Test func testCodeInTheInterleavedBanksMeetsOnlyItsOwnBank() {
    // The loop of the first test run from the word-interleaved region (4 banks,
    // word w of the region in bank w % 4): top 0x1_0188, so the late fetch, for
    // the bne at 0x1_0194, is from bank (0x194 / 4) % 4 = 1. A store to 0x1_0104
    // (bank 1) delays it, one to 0x1_0100 (bank 0) or 0x1_0108 (bank 2) does not:
    // 58 and 50 cycles as in the contiguous case.
    let body = { (address: UInt32) in
        [Step(word: Enc.sw(X.t0, X.a0, 0), address: address),
         Step(word: Enc.addi(X.a0, X.a0, 4)), Step(word: Enc.addi(X.t1, X.t1, -1))]
    }
    func cycles(storingTo address: UInt32) -> UInt64 {
        var h = Harness()
        h.pc = 0x1_0180
        h.run(timedBlock(loop(8, body(address), top: 0x1_0188)))
        return h.reads[0]
    }
    #expect(cycles(storingTo: 0x1_0104) == 58)
    #expect(cycles(storingTo: 0x1_0100) == 50)
    #expect(cycles(storingTo: 0x1_0108) == 50)
}

@Test func testCodeBankAccessesAndTheWatchStayOnTheFastPath() {
    // The split of the model (CPUPipeline / TimingModel.retireInFull) for speed:
    // once the full path has cached the code's bank (the first access from it),
    // a store to that bank granted at once, and the instructions while its
    // delayed fetch is watched, are taken by the fast path.
    var model = TimingModel()
    func record(_ pc: UInt32, _ word: UInt32, address: UInt32 = 0) -> RetireRecord {
        var r = RetireRecord()
        r.pc = pc
        r.instruction = RISCV.decode(word)
        r.address = address
        r.nextPC = pc &+ 4
        return r
    }
    let store = record(0x188, Enc.sw(X.t0, X.a0, 0), address: codeBank)
    let declined = !model.fastPath.retireIfCommon(store, as: .store)   // the code's bank is not known yet
    #expect(declined)
    model.retire(store)
    #expect(model.fastPath.fetch.watching)
    var taken: [Bool] = []
    for pc: UInt32 in [0x18C, 0x190, 0x194] {     // the bubble comes before 0x194
        taken.append(model.fastPath.retireIfCommon(record(pc, Enc.addi(X.t1, X.t1, 1)), as: .alu))
    }
    #expect(taken == [true, true, true])
    #expect(!model.fastPath.fetch.watching)
    let again = model.fastPath.retireIfCommon(record(0x198, Enc.sw(X.t0, X.a0, 0), address: codeBank), as: .store)
    #expect(again)
    #expect(model.fastPath.fetch.watching)
    // sw 1, two addi 1 each, the bubble 1 and the third addi 1, the second sw 1: 6
    #expect(model.cycles == 6)
    #expect(model.finish().stalls["fetch-conflict"] == 1)
}
