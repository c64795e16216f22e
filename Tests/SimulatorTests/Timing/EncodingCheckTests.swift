import Testing
import RISCV
@testable import Simulator

/// The test encoders agree with the known-good words of RVM-SPEC.md §1 and with the decoder.
@Test func testEncodersMatchKnownGoodWords() {
    #expect(Enc.mld(0, 14, 29) == 0x05D7_082B)                 // mld.w m0,(a4),t4
    #expect(Enc.mst(1, 18, 20) == 0x0D49_08AB)                 // mst.w m1,(s2),s4
    #expect(Enc.mzero(1) == 0xF800_802B)                       // mzero m1
    #expect(Enc.mmasa(md: 1, ms1: 5, ms2: 0) == 0xF014_882B)   // mmasa.w m1, m0, m5 (text: md, ms2, ms1)
    #expect(RISCV.decode(Enc.bne(X.t0, X.t1, -8)).imm == -8)
    #expect(RISCV.decode(Enc.jal(X.ra, 2048)).imm == 2048)
    #expect(RISCV.decode(Enc.sw(X.t0, X.a0, 60)).imm == 60)
    #expect(RISCV.decode(Enc.csrrs(X.a0, X.mcycle, 0)).opcode == .csrrs)
}
