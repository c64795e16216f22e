import Foundation
import Testing
import TestSupport
import Schedule
@testable import RVMTarget

/// The C of the compiler's conv1d schedules through the RISC-V cross GCC
/// (built at test time in a temporary directory): warning-free, and the
/// object's RVM instruction words use the tile registers the schedule
/// implies (8 for the case study, 3 with one accumulator), never `mst.w m0`.
@Suite struct Conv1dCaseStudyCTests {
    /// The RVM instruction words (opcode CUSTOM-1) of the compiled schedule.
    static func rvmWords(_ p: Procedure) throws -> [UInt32] {
        let tc = try CToolchain()
        defer { tc.cleanUp() }
        let out = try CCodegen.compile([p.ir], library: "conv1d_k", options: RVMTarget.codegenOptions)
        try tc.write(out.headerName, out.header)
        try tc.write("conv1d_k.c", out.source)
        try tc.write("rvm.h", try String(contentsOf: try #require(Repository.rvmHeader), encoding: .utf8))
        try tc.run(CrossGCC.gcc, CrossGCC.flags + ["-c", "-o", "conv1d_k.o", "conv1d_k.c"])
        return CrossGCC.rvmWords(inDisassembly: try tc.run(CrossGCC.objdump, ["-d", "conv1d_k.o"]))
    }

    /// Tile registers named by a word (RVM-SPEC.md §1 field positions).
    static func registers(_ w: UInt32) -> [UInt32] {
        switch w {
        case _ where w & 0xFE00_7C7F == 0x0400_082B, _ where w & 0xFE00_7C7F == 0x0C00_082B: [(w >> 7) & 7]   // mld.w / mst.w
        case _ where w & 0xFFFC_7FFF == 0xF800_002B: [(w >> 15) & 7]                                          // mzero
        default: [(w >> 15) & 7, (w >> 18) & 7, (w >> 21) & 7]                                                // md, ms1, ms2
        }
    }

    static func isStore(_ w: UInt32) -> Bool { w & 0xFE00_7C7F == 0x0C00_082B }

    @Test(.enabled(if: CToolchain.available(CrossGCC.gcc), "needs riscv64-unknown-elf-gcc"),
          .enabled(if: Repository.rvmHeader != nil, "needs kernels/runtime/rvm.h"))
    func caseStudyUsesEightTileRegisters() throws {
        let words = try Self.rvmWords(Conv1dSchedules.rvm4acc(Conv1dAlgorithm.procedure()))
        #expect(Set(words.flatMap(Self.registers)) == Set(0...7))
        #expect(!words.contains { Self.isStore($0) && ($0 >> 7) & 7 == 0 })
        // Four accumulators, each zeroed and stored once per jo.
        #expect(Set(words.filter(Self.isStore).map { ($0 >> 7) & 7 }).count == 4)
    }

    @Test(.enabled(if: CToolchain.available(CrossGCC.gcc), "needs riscv64-unknown-elf-gcc"),
          .enabled(if: Repository.rvmHeader != nil, "needs kernels/runtime/rvm.h"))
    func oneAccumulatorScheduleUsesThreeTileRegisters() throws {
        let words = try Self.rvmWords(Conv1dSchedules.rvm1acc(Conv1dAlgorithm.procedure()))
        #expect(Set(words.flatMap(Self.registers)).count == 3)
        #expect(!words.contains { Self.isStore($0) && ($0 >> 7) & 7 == 0 })
    }

    @Test(.enabled(if: CToolchain.available(CrossGCC.gcc), "needs riscv64-unknown-elf-gcc"),
          .enabled(if: Repository.rvmHeader != nil, "needs kernels/runtime/rvm.h"))
    func im2colScheduleStaysOnTheCPU() throws {
        #expect(try Self.rvmWords(Conv1dSchedules.im2colCPU(Conv1dAlgorithm.procedure())).isEmpty)
    }
}
