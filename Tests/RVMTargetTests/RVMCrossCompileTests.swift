import Foundation
import Testing
import TestSupport
import Schedule
import RVMTarget

/// The generated RVM C through the RISC-V cross GCC: warning-free, and (with
/// kernels/runtime/rvm.h) assembled to the instruction words RVM-SPEC.md §1
/// gives, checked with objdump.
@Suite struct RVMCrossCompileTests {
    static func prepare(_ tc: CToolchain, standIn: Bool) throws -> CCodegen.Output {
        let out = try CCodegen.compile([ScheduledConv1d.proc()], library: "rvm_conv1d", options: RVMTarget.codegenOptions)
        try tc.write(out.headerName, out.header)
        try tc.write("rvm_conv1d.c", out.source)
        if let h = Repository.rvmHeader {
            try tc.write("rvm.h", try String(contentsOf: h, encoding: .utf8))
        } else if standIn {
            try tc.write("rvm.h", "/* stand-in: -S needs no assembler macros */\n")
        }
        return out
    }

    @Test(.enabled(if: CToolchain.available(CrossGCC.gcc)))
    func compilesWarningFreeToTheExpectedAssemblyText() throws {
        let tc = try CToolchain()
        defer { tc.cleanUp() }
        _ = try Self.prepare(tc, standIn: true)
        try tc.run(CrossGCC.gcc, CrossGCC.flags + ["-S", "-o", "rvm_conv1d.s", "rvm_conv1d.c"])
        let asm = try String(contentsOfFile: tc.path("rvm_conv1d.s"), encoding: .utf8)
        for r in 4...7 {
            #expect(asm.contains("mzero m\(r)"))
            #expect(asm.contains("mmasa.w m\(r), m3, m2"))
            #expect(asm.range(of: "mst.w m\(r), \\(\\w+\\), \\w+", options: .regularExpression) != nil)
        }
        #expect(asm.range(of: "mld.w m3, \\(\\w+\\), \\w+", options: .regularExpression) != nil)
        #expect(asm.range(of: "mld.w m2, \\(\\w+\\), \\w+", options: .regularExpression) != nil)
    }

    /// Words from the table of RVM-SPEC.md §1 (RVMReference); text operand order md, ms2, ms1.
    static func mmasa(md: UInt32, ms2: UInt32, ms1: UInt32) -> UInt32 { RVMReference.mmasaW(md: md, ms1: ms1, ms2: ms2) }
    static func mzero(md: UInt32) -> UInt32 { RVMReference.mzero(md: md) }

    @Test func wordFormulasReproduceTheSpecsKnownGoodWords() {
        #expect(Self.mmasa(md: 1, ms2: 0, ms1: 5) == 0xF014_882B)
        #expect(Self.mzero(md: 1) == 0xF800_802B)
    }

    @Test(.enabled(if: CToolchain.available(CrossGCC.gcc), "needs riscv64-unknown-elf-gcc"),
          .enabled(if: Repository.rvmHeader != nil, "kernels/runtime/rvm.h does not exist yet (set RVM_H to point at a copy)"))
    func objectHoldsTheSpecifiedInstructionWords() throws {
        let tc = try CToolchain()
        defer { tc.cleanUp() }
        _ = try Self.prepare(tc, standIn: false)
        try tc.run(CrossGCC.gcc, CrossGCC.flags + ["-c", "-o", "rvm_conv1d.o", "rvm_conv1d.c"])
        let rvm = CrossGCC.rvmWords(inDisassembly: try tc.run(CrossGCC.objdump, ["-d", "rvm_conv1d.o"]))
        for r: UInt32 in 4...7 {
            #expect(rvm.contains(Self.mzero(md: r)))
            // mmasa(out_tile, data_tile = m3, kernel_tile = m2) -> text "mmasa.w mr, m3, m2"
            #expect(rvm.contains(Self.mmasa(md: r, ms2: 3, ms1: 2)))
            #expect(rvm.contains { $0 & 0xFE00_7C7F == 0x0C00_082B && ($0 >> 7) & 7 == r })   // mst.w mr
        }
        for r: UInt32 in [2, 3] {
            #expect(rvm.contains { $0 & 0xFE00_7C7F == 0x0400_082B && ($0 >> 7) & 7 == r })   // mld.w mr
        }
        // Nothing else on the custom-1 opcode, and never a store from m0.
        let known = rvm.filter { w in
            (4...7).contains { w == Self.mzero(md: UInt32($0)) || w == Self.mmasa(md: UInt32($0), ms2: 3, ms1: 2) }
                || w & 0xFE00_7C7F == 0x0400_082B || w & 0xFE00_7C7F == 0x0C00_082B
        }
        #expect(known.count == rvm.count)
        #expect(!rvm.contains { $0 & 0xFE00_7C7F == 0x0C00_082B && ($0 >> 7) & 7 == 0 })
    }
}
