import TestSupport
import Testing
@testable import RISCV

/// RVM-SPEC.md §1 words, printed in the vendor's text order.
@Test func knownGoodRVMWordsDisassemble() {
    let d = Disassembler()
    #expect(d.text(word: 0x05D7_082B) == "mld.w\tm0,(a4),t4")
    #expect(d.text(word: 0x0D49_08AB) == "mst.w\tm1,(s2),s4")
    #expect(d.text(word: 0xF800_802B) == "mzero\tm1")
    #expect(d.text(word: 0xF014_882B) == "mmasa.w\tm1,m0,m5")
}

@Test func otherRVMInstructionsUseTextOrder() throws {
    let d = Disassembler()
    #expect(d.text(word: try Asm.mmadaH(md: .m7, ms2: .m2, ms1: .m3)) == "mmada.h\tm7,m2,m3")
    #expect(d.text(word: try Asm.mmaqaB(md: .m4, ms2: .m6, ms1: .m1)) == "mmaqa.b\tm4,m6,m1")
    #expect(d.text(word: try Asm.fmmaccS(md: .m2, ms2: .m0, ms1: .m7)) == "fmmacc.s\tm2,m0,m7")
}

/// Lines copied from `riscv64-unknown-elf-objdump -d` (binutils 2.40) output.
@Test func objdumpStyleSamples() {
    let d = Disassembler(symbolizer: { $0 == 0 ? ".text" : ".text+0x\(String($0, radix: 16))" })
    let samples: [(UInt32, UInt32, String)] = [
        (0x0050_0513, 0x04, "li\ta0,5"),
        (0x0005_8513, 0x08, "mv\ta0,a1"),
        (0x0000_0013, 0x0C, "nop"),
        (0x0000_8067, 0x10, "ret"),
        (0x0005_00E7, 0x14, "jalr\ta0"),
        (0x00C5_8567, 0x18, "jalr\ta0,12(a1)"),
        (0x0080_006F, 0x1C, "j\t24 <.text+0x24>"),
        (0x0100_00EF, 0x20, "jal\t30 <.text+0x30>"),
        (0xFFDF_F56F, 0x24, "jal\ta0,20 <.text+0x20>"),
        (0x0005_0463, 0x28, "beqz\ta0,30 <.text+0x30>"),
        (0x00A0_1463, 0x2C, "bne\tzero,a0,34 <.text+0x34>"),
        (0x0005_5463, 0x34, "bgez\ta0,3c <.text+0x3c>"),
        (0x00A0_4463, 0x40, "bgtz\ta0,48 <.text+0x48>"),
        (0x3000_2573, 0x48, "csrr\ta0,mstatus"),
        (0x3055_1073, 0x4C, "csrw\tmtvec,a0"),
        (0x3001_D073, 0x58, "csrwi\tmstatus,3"),   // objdump 2.40 prints `csrw mstatus,3`
        (0xC000_2573, 0x68, "rdcycle\ta0"),
        (0xB000_2573, 0x6C, "csrr\ta0,mcycle"),
        (0x7C00_2573, 0x70, "csrr\ta0,0x7c0"),
        (0x40B0_0533, 0x8C, "neg\ta0,a1"),
        (0xFFF5_C513, 0x90, "not\ta0,a1"),
        (0x0015_B513, 0x94, "seqz\ta0,a1"),
        (0x1234_5537, 0xA4, "lui\ta0,0x12345"),
        (0xFF41_2503, 0xAC, "lw\ta0,-12(sp)"),
        (0x00A1_2223, 0xB0, "sw\ta0,4(sp)"),
        (0x0330_000F, 0xC0, "fence\trw,rw"),
        (0x0FF0_000F, 0xBC, "fence"),
        (0x8330_000F, 0xC8, "fence.tso"),
        (0x0000_100F, 0xCC, "fence.i"),
        (0x3020_0073, 0xD8, "mret"),
        (0xC000_1073, 0, "unimp"),
        (0x0100_000F, 4, "fence\tw,unknown"),
        (0x02C5_A533, 0xEC, "mulhsu\ta0,a1,a2"),
        (0x0015_0513, 0, "addi\ta0,a0,1"),      // objdump 2.40 prints `add a0,a0,1` (see Disassembler)
        (0x01F5_1513, 0, "slli\ta0,a0,0x1f"),   // objdump 2.40 prints `sll a0,a0,0x1f`
    ]
    for (word, pc, text) in samples {
        #expect(d.text(word: word, pc: pc) == text, "0x\(String(word, radix: 16))")
    }
    let raw = Disassembler(style: .noAliases)
    #expect(raw.text(word: 0x0000_8067) == "jalr\tzero,0(ra)")
    #expect(raw.text(word: 0x3000_2573) == "csrrs\ta0,mstatus,zero")
    #expect(raw.text(word: 0x0FF0_000F) == "fence\tiorw,iorw")
    #expect(raw.text(word: 0x0080_006F, pc: 0x8000_0000) == "jal\tzero,0x80000008")
}

@Test func unknownWordsPrintAsWordsWithoutCrashing() {
    let d = Disassembler()
    #expect(d.text(word: 0x0000_0000) == ".word\t0x00000000")
    #expect(d.text(word: 0xFFFF_FFFF) == ".word\t0xffffffff")
    #expect(d.text(word: 0x0010_100F) == ".word\t0x0010100f")   // fence.i with a reserved field set
    // Every field combination of every major opcode is printable.
    var rng = SeededGenerator(seed: 3)
    var illegal = 0
    for _ in 0..<300_000 {
        let word = UInt32(truncatingIfNeeded: rng.next())
        let text = d.text(word: word, pc: UInt32(truncatingIfNeeded: rng.next()))
        #expect(!text.isEmpty)
        if decode(word).opcode == .illegal {
            illegal += 1
            #expect(text == ".word\t0x" + hex8(word))
        }
    }
    #expect(illegal > 0)
}

@Test func csrNamesRoundTrip() {
    #expect(CSRNames.name(0x300) == "mstatus")
    #expect(CSRNames.name(0xB83) == "mhpmcounter3h")
    #expect(CSRNames.name(0x7C0) == nil)
    for csr in UInt16(0)..<4096 {
        if let name = CSRNames.name(csr) { #expect(CSRNames.number(name) == csr) }
    }
    #expect(RegisterNames.gprNumber("s0") == 8 && RegisterNames.gprNumber("fp") == 8)
    #expect(RegisterNames.gprNumber("x31") == 31 && RegisterNames.gprNumber("x32") == nil)
    #expect(RegisterNames.gprNumber("x01") == nil)
}
