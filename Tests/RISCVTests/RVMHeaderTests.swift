import Foundation
import TestSupport
import Testing
@testable import RISCV

/// kernels/runtime/rvm.h: C with RVM inline assembly, compiled by Debian's
/// GCC 12 at test time; the words in the object must be the RVM-SPEC.md words.
enum RVMHeader {
    static let runtime = Repository.runtime.path

    static let cc = Toolchain.prefix + "gcc"
    static let flags = ["-march=rv32im", "-mabi=ilp32", "--specs=picolibc.specs", "-O2",
                        "-Wall", "-Wextra", "-Werror", "-I", runtime]

    /// Compiles `source` to an object and returns the words of its .text, in order.
    static func words(of source: String, in dir: URL, name: String = "t", extraFlags: [String] = []) throws -> [UInt32] {
        let object = try compile(source, in: dir, name: name, extraFlags: extraFlags)
        return Objdump.parse(try Tool.run(Toolchain.prefix + "objdump", ["-d", object], in: dir).stdout).map(\.word)
    }

    static func compile(_ source: String, in dir: URL, name: String = "t", extraFlags: [String] = []) throws -> String {
        let path = dir.appendingPathComponent("\(name).c").path
        try source.write(toFile: path, atomically: true, encoding: .utf8)
        let object = dir.appendingPathComponent("\(name).o").path
        try Tool.run(cc, flags + extraFlags + ["-c", path, "-o", object], in: dir)
        return object
    }
}

@Test func rvmHeaderAssemblesTheKnownGoodWords() throws {
    let dir = try Toolchain.temporaryDirectory()
    defer { ScratchDirectory.remove(dir) }
    let source = """
        #include "rvm.h"
        void f(void) {
            asm volatile("mld.w m0,(a4),t4");
            asm volatile("mst.w m1,(s2),s4");
            asm volatile("mzero m1");
            asm volatile("mmasa.w m1, m0, m5");
        }
        """
    let words = try RVMHeader.words(of: source, in: dir)
    #expect(words == [0x05D7_082B, 0x0D49_08AB, 0xF800_802B, 0xF014_882B, Asm.ret])
}

/// GCC's operand substitution, Exo-style string splicing, and the RVM_* macros.
@Test func rvmHeaderAcceptsEveryWayOfWritingOperands() throws {
    let dir = try Toolchain.temporaryDirectory()
    defer { ScratchDirectory.remove(dir) }
    let source = """
        #include <stdint.h>
        #include "rvm.h"
        void f(int32_t *p, uint32_t stride) {
            asm volatile("mld.w m0, (%0), %1" :: "r"(p), "r"(stride) : "memory");
            #define data_tile "m3"
            asm volatile("mld.w "data_tile", (%1), %0" :: "r"(stride), "r"(p));
            asm volatile("mst.w  m7 ,( x10 ),  x11");
            RVM_MLD_W("m6", p, stride);
            RVM_MST_W("m5", p, stride);
            RVM_MZERO("m4");
            RVM_MMASA_W("m4", data_tile, "m6");
            RVM_MMADA_H("m7", "m2", "m3");
            RVM_MMAQA_B("m1", "m6", "m0");
            RVM_FMMACC_S("m2", "m0", "m7");
        }
        """
    let words = try RVMHeader.words(of: source, in: dir)
    // p in a0, stride in a1 (ilp32 calling convention).
    let expected: [UInt32] = [
        try Asm.mldW(md: .m0, base: .a0, stride: .a1),
        try Asm.mldW(md: .m3, base: .a0, stride: .a1),
        try Asm.mstW(ms: .m7, base: .a0, stride: .a1),
        try Asm.mldW(md: .m6, base: .a0, stride: .a1),
        try Asm.mstW(ms: .m5, base: .a0, stride: .a1),
        try Asm.mzero(md: .m4),
        try Asm.mmasaW(md: .m4, ms2: .m3, ms1: .m6),
        try Asm.mmadaH(md: .m7, ms2: .m2, ms1: .m3),
        try Asm.mmaqaB(md: .m1, ms2: .m6, ms1: .m0),
        try Asm.fmmaccS(md: .m2, ms2: .m0, ms1: .m7),
        Asm.ret,
    ]
    #expect(words == expected)
    let text = words.map { Disassembler().text(word: $0) }
    #expect(text[6] == "mmasa.w\tm4,m3,m6")
}

/// Our disassembly of every multiply/mzero word and of random mld.w/mst.w
/// words, fed back through the rvm.h macros, assembles to the same words.
@Test func rvmHeaderReassemblesOurDisassembly() throws {
    var gen = RandomInstructions(seed: 20)
    var instructions: [Instruction] = []
    for op in [Opcode.mmasaW, .mmadaH, .mmaqaB, .fmmaccS] {
        for md in UInt8(0)..<8 { for a in UInt8(0)..<8 { for b in UInt8(0)..<8 where a != b {
            let inst = Instruction(opcode: op, rd: md, rs1: a, rs2: b, word: 0)
            instructions.append(Instruction(opcode: op, rd: md, rs1: a, rs2: b, word: try encode(inst)))
        } } }
    }
    for md in UInt8(0)..<8 { instructions.append(gen.make(.mzero)); instructions[instructions.count - 1].rd = md }
    instructions += gen.batch(600, of: [.mldW]) + gen.batch(600, of: [.mstW]).filter { $0.rd != 0 }
    let d = Disassembler()
    let body = instructions.map { "    asm volatile(\"\(d.text($0).replacingOccurrences(of: "\t", with: " "))\");" }
    let source = "#include \"rvm.h\"\nvoid f(void) {\n" + body.joined(separator: "\n") + "\n}\n"
    let dir = try Toolchain.temporaryDirectory()
    defer { ScratchDirectory.remove(dir) }
    let words = try RVMHeader.words(of: source, in: dir)
    #expect(words.count == instructions.count + 1)
    let wrong = zip(words, instructions).filter { $0.0 != (try? encode($0.1)) }
    if let (word, inst) = wrong.first {
        Issue.record("\(wrong.count) words differ; first: `\(d.text(inst))` assembled to 0x\(hex8(word))")
    }
}

/// Two units including rvm.h link together, separately and with LTO.
@Test(arguments: [[String](), ["-flto"]])
func rvmHeaderWorksAcrossTranslationUnits(lto: [String]) throws {
    let dir = try Toolchain.temporaryDirectory()
    defer { ScratchDirectory.remove(dir) }
    try "#include \"rvm.h\"\nvoid g(void);\nvoid f(void) { asm volatile(\"mzero m2\"); g(); }\n"
        .write(to: dir.appendingPathComponent("a.c"), atomically: true, encoding: .utf8)
    try "#include \"rvm.h\"\n__attribute__((noinline)) void g(void) { asm volatile(\"mmasa.w m1, m0, m5\"); }\n"
        .write(to: dir.appendingPathComponent("b.c"), atomically: true, encoding: .utf8)
    try Tool.run(RVMHeader.cc, RVMHeader.flags + lto + ["-nostartfiles", "-nostdlib", "-Wl,-e,f",
                                                             "a.c", "b.c", "-o", "ab.elf"], in: dir)
    let words = Objdump.parse(try Tool.run(Toolchain.prefix + "objdump", ["-d", "ab.elf"], in: dir).stdout).map(\.word)
    #expect(words.contains(0xF801_002B))   // mzero m2
    #expect(words.contains(0xF014_882B))   // mmasa.w m1, m0, m5
}

@Test func rvmHeaderRejectsBadOperandsAndWarnsAboutErrata() throws {
    let dir = try Toolchain.temporaryDirectory()
    defer { ScratchDirectory.remove(dir) }
    do {
        _ = try RVMHeader.compile("#include \"rvm.h\"\nvoid f(void) { asm volatile(\"mzero a0\"); }\n", in: dir)
        Issue.record("a GPR as a tile operand was accepted")
    } catch let failure as ToolFailure {
        #expect(failure.description.contains("rvm.h: a0 is not a tile register (m0..m7)"))
    }
    do {
        _ = try RVMHeader.compile("#include \"rvm.h\"\nvoid f(void) { asm volatile(\"mld.w m1, (m2), a1\"); }\n", in: dir)
        Issue.record("a tile as a GPR operand was accepted")
    } catch is ToolFailure {}
    // Assembler warnings are not errors under -Werror; capture them from -S + as.
    let source = "#include \"rvm.h\"\nvoid f(void) { asm volatile(\"mst.w m0, (a0), a1\"); asm volatile(\"mmasa.w m4, m2, m2\"); }\n"
    let path = dir.appendingPathComponent("w.c").path
    try source.write(toFile: path, atomically: true, encoding: .utf8)
    try Tool.run(RVMHeader.cc, RVMHeader.flags + ["-S", path, "-o", "w.s"], in: dir)
    let warnings = try Tool.run(Toolchain.prefix + "as", ["-march=rv32im", "w.s", "-o", "w.o"], in: dir, check: false).stderr
    #expect(warnings.contains("mst.w m0 is never performed and hangs the RTL coprocessor (erratum 1)"))
    #expect(warnings.contains("mmasa.w with both sources m2 hangs the RTL coprocessor (erratum 2)"))
}
