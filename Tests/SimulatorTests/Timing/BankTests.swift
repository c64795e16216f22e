import Testing
@testable import Simulator

@Test func testBankMapDefaultLayout() {
    let map = BankMap(BankRegion.xheepInterleavedDefault)
    #expect(map.bankCount == 6)
    #expect(map.bank(of: 0x0000) == 0)
    #expect(map.bank(of: 0x7FFC) == 0)
    #expect(map.bank(of: 0x8000) == 1)
    #expect(map.bank(of: 0x1_0000) == 2)     // interleaved: word w -> bank 2 + w % 4
    #expect(map.bank(of: 0x1_0004) == 3)
    #expect(map.bank(of: 0x1_000C) == 5)
    #expect(map.bank(of: 0x1_0010) == 2)
    #expect(map.bank(of: 0x2_0000) == BankMap.none)
    #expect(map.bank(of: 0x2000_0000) == BankMap.none)
}

// mld.w/mst.w with the rows in one contiguous bank: the 4 words of a row
// serialize on the bank (one access per cycle).
//   mld.w: row r is granted at start + 4r + 3; the next load starts
//          lsuLoadRestart = 2 cycles after the last grant: start + 15 + 2 = 17 per load.
//   mst.w: row r is read at start + r and requested 1 later (lsuStoreReadToRequest),
//          after the previous row's last word: its 16 words are granted at
//          start + 1 ... start + 16, and the next instruction starts when the
//          last row was issued: 16 per store.
// In the interleaved banks a row takes one cycle: 5 per instruction (RVM-SPEC §2).

@Test func testMldContiguousVersusInterleaved() {
    let contiguous = difference64minus16 { i in mld(UInt32(i % 7), at: contiguousData) }
    let interleaved = difference64minus16 { i in mld(UInt32(i % 7), at: interleavedData) }
    #expect(contiguous == 48 * 17)
    #expect(interleaved == 48 * 5)
}

@Test func testMstContiguousVersusInterleaved() {
    let contiguous = difference64minus16 { i in mst(1 + UInt32(i % 7), at: contiguousData) }
    let interleaved = difference64minus16 { i in mst(1 + UInt32(i % 7), at: interleavedData) }
    #expect(contiguous == 48 * 16)
    #expect(interleaved == 48 * 5)
}

@Test func testCPULoadWaitsForBankHeldByLSU() {
    // mld.w issued at c (mcycle write at c - 4): dispatched c + 1, LSU starts c + 4 and
    // holds bank 1 (contiguous, 0x8000) for its 16 words, c + 4 ... c + 19, row r in
    // c + 4 + 4r ... c + 7 + 4r. Five addi fill c + 1 ... c + 5; the lw in c + 6 finds
    // row 0 holding the bank. Round robin (MemoryConfig.busArbitration): it waits for
    // the rest of row 0 and is granted at c + 8 (2 cycles of bank conflict), ending at
    // c + 9: mcycle = 13. If the LSU kept priority for all 16 words, the lw would wait
    // until c + 20 (14 cycles) and end at c + 21: mcycle = 25. The same lw to bank 0 ends at c + 7: 11.
    let nops = (0..<5).map { _ in Step(word: Enc.addi(X.t1, X.t1, 1)) }
    let sameBank = [mld(1, at: contiguousData)] + nops + [Step(word: Enc.lw(X.t0, X.a2, 0), address: 0xC000)]
    let otherBank = [mld(1, at: contiguousData)] + nops + [Step(word: Enc.lw(X.t0, X.a2, 0), address: 0x100)]
    #expect(measure(sameBank) == 13)
    #expect(measure(otherBank) == 11)
    var h = Harness()
    h.run(timedBlock(sameBank))
    #expect(h.model.finish().stalls["bank-conflict"] == 2)

    var priority = TimingConfig()
    priority.memory.busArbitration = .acceleratorFirst
    #expect(measure(sameBank, config: priority) == 25)
    var p = Harness(priority)
    p.run(timedBlock(sameBank))
    #expect(p.model.finish().stalls["bank-conflict"] == 14)
}

@Test func testCPUWaitsOneCycleForAnInterleavedRow() {
    // mld.w of the interleaved banks: row r holds banks 2...5 in c + 4 + r. A lw of
    // 0x1_0004 (bank 3) in c + 6 meets row 2 and is granted in c + 7 (its turn comes
    // before row 3's word on that bank): 1 cycle of bank conflict, mcycle = 4 + 6 + 1 + 1 = 12.
    let nops = (0..<5).map { _ in Step(word: Enc.addi(X.t1, X.t1, 1)) }
    let body = [mld(1)] + nops + [Step(word: Enc.lw(X.t0, X.a2, 4), address: interleavedData + 4)]
    #expect(measure(body) == 12)
    var priority = TimingConfig()
    priority.memory.busArbitration = .acceleratorFirst
    #expect(measure(body, config: priority) == 13)       // rows 2 and 3 first: granted in c + 8
}

@Test func testResultPortGrantsUnitsInPriorityOrder() {
    // rtl/quadrilatero.sv res_arb_inst: the systolic array before the LSU before the permutation unit.
    var slots = CycleSlots()
    slots.begin(present: 0)
    #expect(slots.claimResultPort(from: 10, unit: .permutationUnit) == (10, 0))
    #expect(slots.claimResultPort(from: 10, unit: .lsu) == (10, 11))             // moves the mzero result to 11
    #expect(slots.claimResultPort(from: 10, unit: .systolicArray) == (10, 12))   // LSU to 11, mzero to 12
    #expect(slots.claimResultPort(from: 10, unit: .permutationUnit) == (13, 0))
}
