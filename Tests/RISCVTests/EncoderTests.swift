import TestSupport
import Testing
@testable import RISCV

@Test func decodeOfEncodeRoundTripsEveryOpcode() throws {
    var gen = RandomInstructions(seed: 1)
    for opcode in Opcode.allCases where opcode != .illegal {
        for _ in 0..<500 {
            let inst = gen.make(opcode, canonicalFences: false)
            let word = try encode(inst)
            #expect(decode(word) == inst, "\(opcode) 0x\(String(word, radix: 16))")
        }
    }
}

@Test func encodeOfDecodeRoundTripsRandomWords() throws {
    var rng = SeededGenerator(seed: 2)
    var valid = 0
    for _ in 0..<200_000 {
        // Force the low two bits to 11 and a known major opcode half the time.
        var word = UInt32(truncatingIfNeeded: rng.next())
        if Bool.random(using: &rng) {
            let majors: [UInt32] = [0x37, 0x17, 0x6F, 0x67, 0x63, 0x03, 0x23, 0x13, 0x33, 0x0F, 0x73, 0x2B]
            word = word & ~0x7F | majors.randomElement(using: &rng)!
        }
        let inst = decode(word)
        if inst.opcode == .illegal {
            #expect(try encode(inst) == word)
        } else {
            valid += 1
            #expect(try encode(inst) == word, "0x\(String(word, radix: 16)) \(inst.opcode)")
        }
    }
    #expect(valid > 50_000)
}

/// RVM-SPEC.md §1: the four words from the vendor toolchain's object file.
@Test func assemblerProducesTheKnownGoodRVMWords() throws {
    #expect(try Asm.mldW(md: .m0, base: .a4, stride: .t4) == 0x05D7_082B)
    #expect(try Asm.mstW(ms: .m1, base: .s2, stride: .s4) == 0x0D49_08AB)
    #expect(try Asm.mzero(md: .m1) == 0xF800_802B)
    #expect(try Asm.mmasaW(md: .m1, ms2: .m0, ms1: .m5) == 0xF014_882B)
}

@Test func outOfRangeFieldsAreTypedErrors() {
    #expect(throws: EncodingError.immediateOutOfRange(.addi, value: 2048, range: -2048...2047)) {
        try Asm.addi(rd: .a0, rs1: .a0, imm: 2048)
    }
    #expect(throws: EncodingError.registerOutOfRange(.add, .rd, value: 32, max: 31)) {
        try Asm.add(rd: .x(32), rs1: .a0, rs2: .a0)
    }
    #expect(throws: EncodingError.registerOutOfRange(.mmasaW, .rs1, value: 8, max: 7)) {
        try Asm.mmasaW(md: .m1, ms2: .m0, ms1: Tile(8))
    }
    #expect(throws: EncodingError.immediateMisaligned(.beq, value: 3, multipleOf: 2)) {
        try Asm.beq(rs1: .a0, rs2: .a1, offset: 3)
    }
    #expect(throws: EncodingError.immediateOutOfRange(.jal, value: 1 << 20, range: -(1 << 20)...((1 << 20) - 2))) {
        try Asm.jal(rd: .ra, offset: 1 << 20)
    }
    #expect(throws: EncodingError.immediateOutOfRange(.slli, value: 32, range: 0...31)) {
        try Asm.slli(rd: .a0, rs1: .a0, shamt: 32)
    }
    #expect(throws: EncodingError.immediateMisaligned(.lui, value: 5, multipleOf: 4096)) {
        try encode(Instruction(opcode: .lui, rd: 1, imm: 5, word: 0))
    }
    #expect(throws: EncodingError.unusedFieldNotZero(.add, .imm, value: 7)) {
        try encode(Instruction(opcode: .add, rd: 1, imm: 7, word: 0))
    }
    #expect(throws: EncodingError.wordIsNotIllegal(0x13)) {
        try encode(Instruction(opcode: .illegal, word: 0x13))
    }
    #expect(throws: EncodingError.notRegisterRegister(.addi)) {
        try Asm.r(.addi, rd: .a0, rs1: .a0, rs2: .a0)
    }
    let message = EncodingError.immediateOutOfRange(.addi, value: 2048, range: -2048...2047).description
    #expect(message == "addi: immediate 2048 is out of range (-2048...2047)")
}

/// Every `Asm` function against GNU as on the same text.
@Test func assemblerMatchesGNUAs() throws {
    let cases: [(String, UInt32)] = [
        ("lui a0, 0x12345", try Asm.lui(rd: .a0, imm: 0x12345)),
        ("auipc t6, 0xfffff", try Asm.auipc(rd: .t6, imm: 0xFFFFF)),
        ("jal ra, .+2048", try Asm.jal(rd: .ra, offset: 2048)),
        ("jal zero, .-1048576", try Asm.j(offset: -1_048_576)),
        ("jalr a0, -4(a1)", try Asm.jalr(rd: .a0, offset: -4, rs1: .a1)),
        ("beq a0, a1, .+4094", try Asm.beq(rs1: .a0, rs2: .a1, offset: 4094)),
        ("bne s0, s1, .-4096", try Asm.bne(rs1: .s0, rs2: .s1, offset: -4096)),
        ("blt t0, t1, .+8", try Asm.blt(rs1: .t0, rs2: .t1, offset: 8)),
        ("bge a7, s11, .-2", try Asm.bge(rs1: .a7, rs2: .s11, offset: -2)),
        ("bltu gp, tp, .+16", try Asm.bltu(rs1: .gp, rs2: .tp, offset: 16)),
        ("bgeu sp, ra, .+32", try Asm.bgeu(rs1: .sp, rs2: .ra, offset: 32)),
        ("lb a0, -2048(sp)", try Asm.lb(rd: .a0, offset: -2048, rs1: .sp)),
        ("lh a0, 2047(sp)", try Asm.lh(rd: .a0, offset: 2047, rs1: .sp)),
        ("lw s3, 12(s4)", try Asm.lw(rd: .s3, offset: 12, rs1: .s4)),
        ("lbu a0, 1(a1)", try Asm.lbu(rd: .a0, offset: 1, rs1: .a1)),
        ("lhu a0, 2(a1)", try Asm.lhu(rd: .a0, offset: 2, rs1: .a1)),
        ("sb a0, -1(a1)", try Asm.sb(rs2: .a0, offset: -1, rs1: .a1)),
        ("sh a0, 2(a1)", try Asm.sh(rs2: .a0, offset: 2, rs1: .a1)),
        ("sw a0, -12(sp)", try Asm.sw(rs2: .a0, offset: -12, rs1: .sp)),
        ("addi a0, a0, 1", try Asm.addi(rd: .a0, rs1: .a0, imm: 1)),
        ("slti a0, a1, -5", try Asm.slti(rd: .a0, rs1: .a1, imm: -5)),
        ("sltiu a0, a1, 7", try Asm.sltiu(rd: .a0, rs1: .a1, imm: 7)),
        ("xori a0, a1, -1", try Asm.xori(rd: .a0, rs1: .a1, imm: -1)),
        ("ori a0, a1, 0x7ff", try Asm.ori(rd: .a0, rs1: .a1, imm: 0x7FF)),
        ("andi a0, a1, 255", try Asm.andi(rd: .a0, rs1: .a1, imm: 255)),
        ("slli a0, a1, 31", try Asm.slli(rd: .a0, rs1: .a1, shamt: 31)),
        ("srli a0, a1, 1", try Asm.srli(rd: .a0, rs1: .a1, shamt: 1)),
        ("srai a0, a1, 17", try Asm.srai(rd: .a0, rs1: .a1, shamt: 17)),
        ("add a0, a1, a2", try Asm.add(rd: .a0, rs1: .a1, rs2: .a2)),
        ("sub a0, a1, a2", try Asm.sub(rd: .a0, rs1: .a1, rs2: .a2)),
        ("mul t0, t1, t2", try Asm.mul(rd: .t0, rs1: .t1, rs2: .t2)),
        ("div t0, t1, t2", try Asm.div(rd: .t0, rs1: .t1, rs2: .t2)),
        ("rem t0, t1, t2", try Asm.rem(rd: .t0, rs1: .t1, rs2: .t2)),
        ("mulhsu t0, t1, t2", try Asm.r(.mulhsu, rd: .t0, rs1: .t1, rs2: .t2)),
        ("sra t0, t1, t2", try Asm.r(.sra, rd: .t0, rs1: .t1, rs2: .t2)),
        ("csrrw a0, mtvec, a1", try Asm.csrrw(rd: .a0, csr: 0x305, rs1: .a1)),
        ("csrrs a0, mcycle, zero", try Asm.csrrs(rd: .a0, csr: 0xB00, rs1: .zero)),
        ("csrrc a0, mstatus, a2", try Asm.csrrc(rd: .a0, csr: 0x300, rs1: .a2)),
        ("csrrwi a0, mscratch, 31", try Asm.csrrwi(rd: .a0, csr: 0x340, zimm: 31)),
        ("csrrsi zero, mstatus, 8", try Asm.csrrsi(rd: .zero, csr: 0x300, zimm: 8)),
        ("csrrci zero, mie, 1", try Asm.csrrci(rd: .zero, csr: 0x304, zimm: 1)),
        ("csrr t0, mhartid", try Asm.csrr(rd: .t0, csr: 0xF14)),
        ("csrw mcountinhibit, zero", try Asm.csrw(csr: 0x320, rs: .zero)),
        ("ecall", Asm.ecall), ("ebreak", Asm.ebreak), ("mret", Asm.mret), ("wfi", Asm.wfi),
        ("fence", try Asm.fence()), ("fence r, w", try Asm.fence(pred: 2, succ: 1)),
        ("fence.i", Asm.fenceI), ("nop", Asm.nop), ("ret", Asm.ret),
        ("mv a0, s1", try Asm.mv(rd: .a0, rs: .s1)),
    ]
    let li = try Asm.li(rd: .a0, value: 0x1234_5FFF)
    #expect(try Asm.li(rd: .a0, value: -5) == [Asm.addi(rd: .a0, rs1: .zero, imm: -5)])
    #expect(try Asm.li(rd: .a0, value: 0x1000) == [Asm.lui(rd: .a0, imm: 1)])
    // GNU as expands `li` with a 32-bit constant to lui + addi as well.
    let source = ".option norvc\n" + cases.map(\.0).joined(separator: "\n") + "\nli a0, 0x12345fff\n"
    let dir = try Toolchain.temporaryDirectory()
    defer { ScratchDirectory.remove(dir) }
    let object = try Toolchain.assemble(source, in: dir)
    let lines = Objdump.parse(try Tool.run(Toolchain.prefix + "objdump", ["-d", object], in: dir).stdout)
    let expected = cases.map(\.1) + li
    #expect(lines.map(\.word) == expected)
}
