import Foundation
import Testing
import Schedule
import RVMTarget

/// The generated RVM C through the RISC-V cross GCC: warning-free, and (with
/// kernels/runtime/rvm.h) assembled to the instruction words RVM-SPEC.md §1
/// gives, checked with objdump.
@Suite struct RVMCrossCompileTests {
    static let gcc = "riscv64-unknown-elf-gcc"
    static let flags = ["-march=rv32im", "-mabi=ilp32", "--specs=picolibc.specs", "-O2", "-std=c11", "-Wall", "-Wextra", "-Werror"]

    /// kernels/runtime/rvm.h of this package (or $RVM_H), nil when absent.
    static var rvmHeader: URL? {
        if let env = ProcessInfo.processInfo.environment["RVM_H"], FileManager.default.fileExists(atPath: env) {
            return URL(fileURLWithPath: env)
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let h = root.appendingPathComponent("kernels/runtime/rvm.h")
        return FileManager.default.fileExists(atPath: h.path) ? h : nil
    }

    static func prepare(_ tc: CToolchain, standIn: Bool) throws -> CCodegen.Output {
        let out = try CCodegen.compile([ScheduledConv1d.proc()], library: "rvm_conv1d", options: RVMTarget.codegenOptions)
        try tc.write(out.headerName, out.header)
        try tc.write("rvm_conv1d.c", out.source)
        if let h = rvmHeader {
            try tc.write("rvm.h", try String(contentsOf: h, encoding: .utf8))
        } else if standIn {
            try tc.write("rvm.h", "/* stand-in: -S needs no assembler macros */\n")
        }
        return out
    }

    @Test(.enabled(if: CToolchain.available(gcc)))
    func compilesWarningFreeToTheExpectedAssemblyText() throws {
        let tc = try CToolchain()
        defer { tc.cleanUp() }
        _ = try Self.prepare(tc, standIn: true)
        try tc.run(Self.gcc, Self.flags + ["-S", "-o", "rvm_conv1d.s", "rvm_conv1d.c"])
        let asm = try String(contentsOfFile: tc.path("rvm_conv1d.s"), encoding: .utf8)
        for r in 4...7 {
            #expect(asm.contains("mzero m\(r)"))
            #expect(asm.contains("mmasa.w m\(r), m3, m2"))
            #expect(asm.range(of: "mst.w m\(r), \\(\\w+\\), \\w+", options: .regularExpression) != nil)
        }
        #expect(asm.range(of: "mld.w m3, \\(\\w+\\), \\w+", options: .regularExpression) != nil)
        #expect(asm.range(of: "mld.w m2, \\(\\w+\\), \\w+", options: .regularExpression) != nil)
    }

    /// Words from the table of RVM-SPEC.md §1; text operand order md, ms2, ms1.
    static func mmasa(md: UInt32, ms2: UInt32, ms1: UInt32) -> UInt32 { 0xF000_082B | ms2 << 21 | ms1 << 18 | md << 15 }
    static func mzero(md: UInt32) -> UInt32 { 0xF800_002B | md << 15 }

    @Test func wordFormulasReproduceTheSpecsKnownGoodWords() {
        #expect(Self.mmasa(md: 1, ms2: 0, ms1: 5) == 0xF014_882B)
        #expect(Self.mzero(md: 1) == 0xF800_802B)
    }

    @Test(.enabled(if: CToolchain.available(gcc), "needs riscv64-unknown-elf-gcc"),
          .enabled(if: rvmHeader != nil, "kernels/runtime/rvm.h does not exist yet (set RVM_H to point at a copy)"))
    func objectHoldsTheSpecifiedInstructionWords() throws {
        let tc = try CToolchain()
        defer { tc.cleanUp() }
        _ = try Self.prepare(tc, standIn: false)
        try tc.run(Self.gcc, Self.flags + ["-c", "-o", "rvm_conv1d.o", "rvm_conv1d.c"])
        let dump = try tc.run("riscv64-unknown-elf-objdump", ["-d", "rvm_conv1d.o"])
        // "  1c:	f1c3802b          	.insn	4, 0xf1c3802b": the second column is the word.
        let words: [UInt32] = dump.split(separator: "\n").compactMap { line in
            let cols = line.split(separator: "\t")
            guard cols.count >= 2, cols[0].hasSuffix(":") else { return nil }
            return UInt32(cols[1].trimmingCharacters(in: .whitespaces), radix: 16)
        }
        let rvm = words.filter { $0 & 0x7F == 0x2B }
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
