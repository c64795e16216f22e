import Testing
@testable import RISCV

/// Known-good words from RVM-SPEC.md §1 (vendor toolchain object file).
@Test func knownGoodRVMWordsDecode() {
    let mld = decode(0x05D7_082B)   // mld.w m0,(a4),t4
    #expect(mld.opcode == .mldW && mld.rd == 0 && mld.rs1 == 14 && mld.rs2 == 29)
    let mst = decode(0x0D49_08AB)   // mst.w m1,(s2),s4
    #expect(mst.opcode == .mstW && mst.rd == 1 && mst.rs1 == 18 && mst.rs2 == 20)
    let mz = decode(0xF800_802B)    // mzero m1
    #expect(mz.opcode == .mzero && mz.rd == 1)
    let mm = decode(0xF014_882B)    // mmasa.w m1, m0, m5  (text: md, ms2, ms1)
    #expect(mm.opcode == .mmasaW && mm.rd == 1 && mm.rs2 == 0 && mm.rs1 == 5)
}

@Test func branchAndJumpImmediates() {
    // beq x0,x0,-4 = 0xFE000EE3 ; jal x0,-8 = 0xFF9FF06F
    #expect(decode(0xFE00_0EE3).imm == -4)
    #expect(decode(0xFF9F_F06F).imm == -8)
    // sw a0, -12(sp) = 0xFEA12A23
    let sw = decode(0xFEA1_2A23)
    #expect(sw.opcode == .sw && sw.imm == -12 && sw.rs1 == 2 && sw.rs2 == 10)
}

@Test func unknownWordsAreIllegal() {
    #expect(decode(0x0000_0000).opcode == .illegal)
    #expect(decode(0xFFFF_FFFF).opcode == .illegal)
}
