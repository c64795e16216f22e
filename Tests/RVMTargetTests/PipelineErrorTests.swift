import Testing
import Schedule
import RVMTarget
import TestSupport

/// What `rvm compile` / `rvm check` print for bad kernel files: one line
/// `file:line:col: phase error: message`, the location pointing at the culprit.
@Suite struct PipelineErrorTests {
    @Test func syntaxErrorNamesWhatWasExpectedAndWhere() throws {
        let source = """
            @proc
            def zero(x: i32[4] @ DRAM):
                for i in seq(0, 4)
                    x[i] = 0
            """
        let e = try #require(RVMPipeline.compileError(source, file: "zero.exo"))
        // Line 3 ends after `seq(0, 4)`, column 23 is just past its ')'.
        #expect(e.description == "zero.exo:3:23: syntax error: expected ':' after loop header, found 'NEWLINE'")
    }

    @Test func typeErrorPointsAtTheBadAccess() throws {
        // conv1d.exo with one index too few on `kernels` (line 33 of the file).
        let source = try Repository.text(Repository.conv1d)
            .replacingOccurrences(of: "out[i, j] += kernels[i, c, r] * y\n\n@proc", with: "out[i, j] += kernels[i, c] * y\n\n@proc")
        let e = try #require(RVMPipeline.compileError(source, file: "conv1d.exo"))
        #expect(e.phase == .type)
        #expect(e.location == SourceLocation(line: 21, column: 34))
        #expect(e.description == "conv1d.exo:21:34: type error: expected 3 indices for 'kernels' (i32[OC, IC, W]), found 2")
    }

    @Test func unguardedAccessIsOutOfBoundsWithACounterexample() throws {
        // conv1d without the `if j + r < 16` guard: data[c, j + r] reads past column 15.
        let source = """
            @proc
            def conv1d(data: i32[4, 16] @ DRAM, kernels: i32[16, 4, 4] @ DRAM, out: i32[16, 16] @ DRAM):
                for i in seq(0, 16):
                    for j in seq(0, 16):
                        out[i, j] = 0
                        for c in seq(0, 4):
                            for r in seq(0, 4):
                                out[i, j] += kernels[i, c, r] * data[c, j + r]
            """
        let e = try #require(RVMPipeline.compileError(source, file: "conv1d.exo"))
        #expect(e.phase == .bounds)
        // `data[c, j + r]` starts at column 53 of line 8.
        #expect(e.location == SourceLocation(line: 8, column: 53))
        let prefix = "conv1d.exo:8:53: bounds error: data[c, j + r]: index 1 (j + r) may be out of bounds [0, 16): e.g. "
        #expect(e.description.hasPrefix(prefix))
        // The counterexample is the solver's; check it really is one.
        let values = Self.assignments(String(e.description.dropFirst(prefix.count)))
        let j = try #require(values["j"]), r = try #require(values["r"])
        #expect((0..<16).contains(j) && (0..<4).contains(r) && j + r >= 16)
    }

    @Test func checkReportsEveryOutOfBoundsAccess() throws {
        let source = """
            @proc
            def shift(x: i32[8] @ DRAM, y: i32[8] @ DRAM):
                for i in seq(0, 8):
                    y[i + 1] = x[i - 1]
            """
        let all = try #require(RVMPipeline.compileErrors(source, file: "shift.exo"))
        #expect(all.map(\.location) == [SourceLocation(line: 4, column: 9), SourceLocation(line: 4, column: 20)])
        #expect(all.allSatisfy { $0.file == "shift.exo" && $0.phase == .bounds })
        #expect(all.map { $0.message.prefix(while: { $0 != ":" }) } == ["y[i + 1]", "x[i - 1]"])
    }

    @Test func aNinthLiveTileIsRefusedAtItsAllocation() throws {
        var lines = ["@proc", "def nine(x: i32[4, 4] @ DRAM):"]
        for k in 0..<9 {
            lines.append("    t\(k): i32[4, 4] @ RVM_TILE")
            lines.append("    rvm_mzero(t\(k))")
        }
        // All nine are still needed here, so all are live at t8's allocation.
        for k in 0..<8 { lines.append("    rvm_mmasa(t\(k), t8, t\(k == 0 ? 1 : 0))") }
        let e = try #require(RVMPipeline.compileError(lines.joined(separator: "\n"), file: "nine.exo"))
        // t8 is declared on line 2 + 2 * 8 + 1 = 19.
        #expect(e.description == "nine.exo:19:5: memory error: RVM_TILE: cannot allocate 't8': all 8 registers are live (t0 in m7, t1 in m6, t2 in m5, t3 in m4, t4 in m3, t5 in m2, t6 in m1, t7 in m0)")
    }

    @Test func anUnknownMemoryIsCaughtByTheCheckPhase() throws {
        let source = """
            @proc
            def f(x: i32[4, 4] @ DRAM):
                t: i32[4, 4] @ RVM_TLE
                rvm_mzero(t)
            """
        let pipeline = try KernelPipeline(target: RVMTarget.kernelTarget)
        let e = #expect(throws: KernelDiagnostics.self) { try pipeline.checkedModule(source, file: "f.exo") }
        #expect(e?.description == "f.exo:3:5: memory error: unknown memory 'RVM_TLE' (known: DRAM, DRAM_STATIC, RVM_TILE)")
    }

    @Test func verifyFindsWhatOnlyCodeGenerationRefuses() throws {
        // Types and bounds are fine; reading a tile element outside an instruction is not.
        let source = """
            @proc
            def peek(x: i32[4, 4] @ DRAM):
                t: i32[4, 4] @ RVM_TILE
                rvm_mld(t, x[0:4, 0:4])
                x[0, 0] = t[1, 2]
            """
        let pipeline = try KernelPipeline(target: RVMTarget.kernelTarget)
        _ = try pipeline.checkedModule(source, file: "peek.exo")
        let e = #expect(throws: KernelDiagnostics.self) { try pipeline.verify(source, file: "peek.exo") }
        #expect(e?.description == "peek.exo:5:15: memory error: cannot read 't[1, 2]' outside an instruction: memory RVM_TILE permits no scalar reads")
        // A library of @instr procs alone verifies (nothing to generate).
        let library = ExoPrinter.print(KernelModule(procs: RVMInstructions.all))
        #expect(try pipeline.verify(library, file: "lib.exo").procs.count == RVMInstructions.all.count)
    }

    @Test func procSelectionErrors() throws {
        let source = try Repository.text(Repository.rvmTiles)
        let missing = RVMPipeline.compileError(source, file: "t.exo", selecting: .named(["tile_product"]))
        #expect(missing?.description == "t.exo: codegen error: no proc named 'tile_product' in the file (its @procs: tile_product_i32, tile_product_i16, tile_product_i8, tile_product_f32, block_product)")

        let instrOnly = ExoPrinter.print(KernelModule(procs: [RVMInstructions.mzero]))
        let none = RVMPipeline.compileError(instrOnly, file: "i.exo")
        #expect(none?.description.hasPrefix("i.exo: codegen error: the file defines only @instr procs") == true)
        let named = RVMPipeline.compileError(instrOnly, file: "i.exo", selecting: .named(["rvm_mzero"]))
        #expect(named?.description == "i.exo:2:1: codegen error: 'rvm_mzero' is an @instr proc; only @procs compile to C functions")
    }

    @Test func selectionCompilesTheNamedProcsAndTheirCallees() throws {
        let source = """
            @proc
            def fill(n: size, x: i32[n] @ DRAM):
                for i in seq(0, n):
                    x[i] = 7

            @proc
            def fill8(x: i32[8] @ DRAM):
                fill(8, x)
            """
        let both = try RVMPipeline.compile(source)
        #expect(both.compiled.map(\.name) == ["fill", "fill8"])
        #expect(both.output.header.contains("void fill(") && both.output.header.contains("void fill8("))
        let one = try RVMPipeline.compile(source, selecting: .named(["fill8"]))
        #expect(one.compiled.map(\.name) == ["fill8"])
        #expect(!one.output.header.contains("void fill("))
        #expect(one.output.source.contains("static void fill("))
    }

    @Test func outputFilesFollowTheOption() throws {
        let named = try OutputFiles(output: "out/conv.c", kernelFile: "k.exo")
        #expect([named.sourcePath, named.headerPath, named.library] == ["out/conv.c", "out/conv.h", "conv"])
        #expect(try OutputFiles(output: "build/kernel", kernelFile: "k.exo").sourcePath == "build/kernel.c")
        let byDefault = try OutputFiles(output: nil, kernelFile: "kernels/conv1d/conv1d.exo")
        #expect([byDefault.sourcePath, byDefault.headerPath, byDefault.library] == ["conv1d.c", "conv1d.h", "conv1d"])
        let e = #expect(throws: KernelError.self) { try OutputFiles(output: "out/", kernelFile: "k.exo") }
        #expect(e?.message == "cannot name the C files after 'out/': give -o a file name such as out/kernel.c")
    }

    /// `j = 15, r = 1 (c = 0)` -> ["j": 15, "r": 1, "c": 0].
    static func assignments(_ text: String) -> [String: Int] {
        var out: [String: Int] = [:]
        for part in text.split(whereSeparator: { ",()".contains($0) }) {
            let sides = part.split(separator: "=").map { $0.trimmingCharacters(in: .whitespaces) }
            if sides.count == 2, let v = Int(sides[1]) { out[sides[0]] = v }
        }
        return out
    }
}
