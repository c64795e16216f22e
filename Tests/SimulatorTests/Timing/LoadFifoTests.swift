import RISCV
import Testing
@testable import Simulator

// The LSU's load FIFO (rtl/quadrilatero_register_lsu.sv, rtl/quadrilatero_lsu.sv):
// an mld.w reads memory ahead of its WAR-held register writes, the next LSU
// instruction starts once row 0 is written, and its reads wait for FIFO room.
// The schedule of each instruction is read straight from `Accelerator.offer`;
// the CPU offers the next instruction the cycle after the previous was accepted.

private func offerAll(_ words: [UInt32], base: UInt32 = interleavedData) -> [AcceleratorSchedule] {
    let config = TimingConfig()
    var accelerator = Accelerator(config: config.accelerator, offload: config.offload,
                                  banks: config.memory.bankRegions)
    var issue: UInt64 = 0
    var schedules: [AcceleratorSchedule] = []
    for (i, word) in words.enumerated() {
        let inst = decode(word)
        let klass = OpcodeTable.info[Int(inst.opcode.rawValue)].klass
        let s = accelerator.offer(inst, klass: klass, base: base + 0x100 * UInt32(i), stride: rowStride, issue: issue)
        schedules.append(s)
        issue = s.accept + 1
    }
    return schedules
}

@Test func testSecondLoadStartsAfterRowZeroOfAWarHeldLoad() {
    // mmasa.w m2 and m3 both read m0; the second starts when the array is free
    // (start 3 + saRestart 12 = 15) and feeds m0 row r at 16 + r. mld.w m0 is
    // accepted at 5 (the buffer slot frees the cycle after mmasa.w #2 is
    // dispatched at 4), dispatched at 6, starts at 9 and reads rows 9...12 into
    // the FIFO; their writes wait for the WAR: 17, 18, 19, 20. The LSU is free
    // at max(last grant 12 + 2, row 0 written 17 + 1) = 18. mld.w m5 (dispatched
    // at 9, when mld.w m0 left the LSU queue) starts at 18, but the FIFO still
    // holds rows 1-3 of m0 (three rows held > FIFO_DEPTH - 2): its row 0 is
    // requested when row 1 of m0 has left (written at 18), at 19; then 20, 21, 22.
    // Waiting for the last WAR-held write (the model before) would start it at 20.
    let s = offerAll([Enc.mmasa(md: 2, ms1: 1, ms2: 0), Enc.mmasa(md: 3, ms1: 1, ms2: 0),
                      Enc.mld(0, X.a0, X.a1), Enc.mld(5, X.a0, X.a1)])
    #expect(s.map(\.accept) == [0, 2, 5, 7])
    #expect(s.map(\.dispatch) == [1, 4, 6, 9])
    #expect(s.map(\.start) == [3, 15, 9, 18])
    #expect((0..<4).map { s[2].row($0) } == [9, 10, 11, 12])
    #expect((0..<4).map { s[3].row($0) } == [19, 20, 21, 22])
    #expect(s[2].finish == 21)                                     // last row written at 20
}

@Test func testLoadReadsMemoryFourCyclesAfterAcceptance() {
    // Nothing in the way: accepted at 0, popped at 1 (acceptToDispatch), the LSU
    // controller starts it 3 later (dispatch_q, queue, registered start_o): row r
    // is read from the interleaved banks at 4 + r.
    let s = offerAll([Enc.mld(1, X.a0, X.a1)])
    #expect((0..<4).map { s[0].row($0) } == [4, 5, 6, 7])
}

@Test func testLoadFifoWindowCountsArrivedUnwrittenRows() {
    var window = LoadRowWindow()
    // Four rows granted at 10...13, written late at 30...33.
    for r in 0..<4 { window.append(grant: 10 + UInt64(r), write: 30 + UInt64(r)) }
    // At 14 three rows have arrived (granted by 12) and wait: no request until
    // the oldest two have left (written at 30 and 31): 32.
    #expect(window.firstRequest(from: 14, maxHeld: 4) == 32)
    // A deeper FIFO (6 rows) takes one more at 14 (3 held <= 4).
    #expect(window.firstRequest(from: 14, maxHeld: 6) == 14)
}
