import Testing
@testable import Schedule

/// replace: unification with an instruction's body, solved windows and
/// sizes, and the refusals (body mismatch, memory, preconditions).
@Suite struct ReplaceTests {
    static let loads = """
        @proc
        def load_tiles(x: i32[8, 16] @ DRAM, t: i32[4, 4] @ RVM_TILE):
            for io in seq(0, 2):
                for jo in seq(0, 4):
                    for ii in seq(0, 4):
                        for ji in seq(0, 4):
                            t[ii, ji] = x[4 * io + ii, 4 * jo + ji]
        """

    @Test func aTileLoadBecomesAnMld() throws {
        let p = try ExoText.procedure(Self.loads)
        let loop = try p.findLoop("ii")
        let q = try p.replace(loop, with: ExoText.instruction("rvm_mld"))
        #expect(try InterpreterEquivalence.equal(p, q))
        #expect(ExoText.printed(q) == """
            def load_tiles(x: i32[8, 16] @ DRAM, t: i32[4, 4] @ RVM_TILE):
                for io in seq(0, 2):
                    for jo in seq(0, 4):
                        rvm_mld(t[0:4, 0:4], x[4 * io:4 * io + 4, 4 * jo:4 * jo + 4])

            """)
        // The cursor on the replaced loop now points at the call.
        #expect(try q.forward(loop).isCall)
        #expect(try q.forward(loop).name == "rvm_mld")
    }

    /// The operand-order trap (RVM-SPEC.md §1): the body reads
    /// `md[i, j] += ms2[i, k] * ms1[j, k]`, so `acc += a * transpose(b)`
    /// is `rvm_mmasa(acc, b, a)`.
    @Test func aTileProductBecomesAnMmasaWithItsOperandsInTextOrder() throws {
        let p = try ExoText.procedure("""
            @proc
            def mma(a: i32[4, 4] @ RVM_TILE, b: i32[4, 4] @ RVM_TILE, acc: i32[2, 4, 4] @ RVM_TILE):
                for t in seq(0, 2):
                    for i in seq(0, 4):
                        for j in seq(0, 4):
                            for k in seq(0, 4):
                                acc[t, i, j] += a[i, k] * b[j, k]
            """)
        let q = try p.replace(p.findLoop("i"), with: ExoText.instruction("rvm_mmasa"))
        #expect(try InterpreterEquivalence.equal(p, q))
        #expect(try text(q.findLoop("t").body().stmts) == "rvm_mmasa(acc[t, 0:4, 0:4], b[0:4, 0:4], a[0:4, 0:4])")
        // The transposed product does not match: b[k, j] is not ms1[j, k].
        let transposed = try ExoText.procedure("""
            @proc
            def mmt(n: size):
                a: i32[4, 4] @ RVM_TILE
                b: i32[4, 4] @ RVM_TILE
                acc: i32[4, 4] @ RVM_TILE
                for i in seq(0, 4):
                    for j in seq(0, 4):
                        for k in seq(0, 4):
                            acc[i, j] += a[i, k] * b[k, j]
            """)
        let msg = scheduleError { _ = try transposed.replace(transposed.findLoop("i"), with: ExoText.instruction("rvm_mmasa")) }
        #expect(msg.hasPrefix("replace: the block does not match the body of rvm_mmasa"))
        #expect(msg.contains("`acc[i, j] += a[i, k] * b[k, j]` does not match `md[i, j] += ms2[i, k] * ms1[j, k]`"))
    }

    /// Sizes are solved from loop bounds; a point dimension of the caller's
    /// buffer (x's row 2 * k) stays a point of the window.
    @Test func sizesAndPointDimensionsAreSolved() throws {
        let vadd = try KernelParser.parseProc("""
            @instr('vadd({n}, {dst_data}, {src_data});')
            def vadd(n: size, dst: [i32][n] @ DRAM, src: [i32][n] @ DRAM):
                for i in seq(0, n):
                    dst[i] += src[i]
            """)
        let p = try ExoText.procedure("""
            @proc
            def rows(x: i32[8, 8] @ DRAM, z: i32[16] @ DRAM):
                for k in seq(0, 4):
                    for i in seq(0, 8):
                        z[i + 4] += x[2 * k, i]
            """)
        let q = try p.replace(p.findLoop("i"), with: vadd)
        #expect(try InterpreterEquivalence.equal(p, q))
        #expect(try text(q.findLoop("k").body().stmts) == "vadd(8, z[4:12], x[2 * k, 0:8])")
    }

    // MARK: refusals

    @Test func aBodyThatDoesNotMatchIsRefusedNamingTheStatement() throws {
        let p = try ExoText.procedure(Self.loads)
        let msg = scheduleError { _ = try p.replace(p.findLoop("ii"), with: ExoText.instruction("rvm_mzero")) }
        #expect(msg.hasPrefix("replace: the block does not match the body of rvm_mzero"))
        #expect(msg.contains("`t[ii, ji] = x[4 * io + ii, 4 * jo + ji]` does not match `dst[i, j] = 0`: `x[4 * io + ii, 4 * jo + ji]` does not match `0`"))
        // The statement it was applied to is printed.
        #expect(msg.contains("applied to:"))
        #expect(msg.contains("for ii in seq(0, 4):"))
        let loopMismatch = scheduleError { _ = try p.replace(p.findLoop("jo"), with: ExoText.instruction("rvm_mld")) }
        #expect(loopMismatch.contains("`for ji in seq(0, 4):` does not match `dst[i, j] = src[i, j]`: expected an assignment, found a loop"))
        let two = try ExoText.procedure("""
            @proc
            def two(x: i32[4, 4] @ DRAM):
                for i in seq(0, 4):
                    for j in seq(0, 4):
                        x[i, j] = 0
                    x[i, 0] = 1
            """)
        let countMismatch = scheduleError { _ = try two.replace(two.findLoop("i"), with: ExoText.instruction("rvm_mzero")) }
        #expect(countMismatch.contains("rvm_mzero's body has 1 statement here, the block has 2 in `for i in seq(0, 4):`"))
    }

    @Test func aLoopOfTheWrongExtentIsRefused() throws {
        let p = try ExoText.procedure("""
            @proc
            def short(x: i32[4, 4] @ DRAM):
                t: i32[4, 4] @ RVM_TILE
                for i in seq(0, 4):
                    for j in seq(0, 3):
                        t[i, j] = x[i, j]
            """)
        let msg = scheduleError { _ = try p.replace(p.findLoop("i"), with: ExoText.instruction("rvm_mld")) }
        #expect(msg.hasPrefix("replace: the block does not match the body of rvm_mld: the upper bound of loop j: `4` == `3` is not provably equal"))
    }

    @Test func aBufferInTheWrongMemoryIsRefused() throws {
        let p = try ExoText.procedure("""
            @proc
            def wrongMemory(x: i32[4, 4] @ DRAM):
                t: i32[4, 4] @ DRAM
                for i in seq(0, 4):
                    for j in seq(0, 4):
                        t[i, j] = x[i, j]
            """)
        let msg = scheduleError { _ = try p.replace(p.findLoop("i"), with: ExoText.instruction("rvm_mld")) }
        #expect(msg.hasPrefix("replace: t is in DRAM, but rvm_mld expects dst in RVM_TILE"))
    }

    /// Exo's issue #758: a window argument whose rows are not contiguous
    /// must not be passed to mld.w. Here x is a window parameter of unknown
    /// strides: the precondition cannot be proved until the proc asserts it.
    @Test func aPreconditionThatMayFailAtTheCallIsRefused() throws {
        let body = """
                t: i32[4, 4] @ RVM_TILE
                for i in seq(0, 4):
                    for j in seq(0, 4):
                        t[i, j] = x[i, j]
            """
        let p = try ExoText.procedure("@proc\ndef anyStride(x: [i32][4, 4] @ DRAM):\n" + body)
        let msg = scheduleError { _ = try p.replace(p.findLoop("i"), with: ExoText.instruction("rvm_mld")) }
        #expect(msg.hasPrefix("replace: the precondition `stride(src, 1) == 1` of rvm_mld is not provably true at the call, where it reads `stride(x, 1) == 1`"))
        let q = try ExoText.procedure("@proc\ndef unitStride(x: [i32][4, 4] @ DRAM):\n    assert stride(x, 1) == 1\n" + body)
        let r = try q.replace(q.findLoop("i"), with: ExoText.instruction("rvm_mld"))
        #expect(try InterpreterEquivalence.equal(q, r))
        #expect(try r.find("rvm_mld(_)").isCall)
        // A column of a dense matrix has stride 4 in its second window dimension.
        let column = try ExoText.procedure("""
            @proc
            def column(x: i32[4, 4, 4] @ DRAM):
                t: i32[4, 4] @ RVM_TILE
                for i in seq(0, 4):
                    for j in seq(0, 4):
                        t[i, j] = x[i, j, 0]
            """)
        let m2 = scheduleError { _ = try column.replace(column.findLoop("i"), with: ExoText.instruction("rvm_mld")) }
        #expect(m2.hasPrefix("replace: the precondition `stride(src, 1) == 1` of rvm_mld is not provably true at the call, where it reads `4 == 1`"))
    }

    @Test func aWindowOutOfBoundsIsRefused() throws {
        // The block itself reads past the end of x (j + 3 reaches 6): its window cannot be in bounds.
        let p = try ExoText.procedure("""
            @proc
            def past(x: i32[4, 6] @ DRAM):
                t: i32[4, 4] @ RVM_TILE
                for i in seq(0, 4):
                    for j in seq(0, 4):
                        t[i, j] = x[i, j + 3]
            """)
        let msg = scheduleError { _ = try p.replace(p.findLoop("i"), with: ExoText.instruction("rvm_mld")) }
        #expect(msg.hasPrefix("replace: the window x[0:4, 3:7] passed as src is not provably inside x"))
    }

    /// mmasa reads its sources before writing md: with md also a source,
    /// the body (read-after-write, element by element) is not its meaning.
    @Test func aWrittenParameterThatAliasesAnotherIsRefused() throws {
        let p = try ExoText.procedure("""
            @proc
            def selfProduct(a: i32[4, 4] @ RVM_TILE, acc: i32[4, 4] @ RVM_TILE):
                for i in seq(0, 4):
                    for j in seq(0, 4):
                        for k in seq(0, 4):
                            acc[i, j] += acc[i, k] * a[j, k]
            """)
        let msg = scheduleError { _ = try p.replace(p.findLoop("i"), with: ExoText.instruction("rvm_mmasa")) }
        #expect(msg.hasPrefix("replace: acc would be passed as both md and ms2, and rvm_mmasa writes md"))
    }
}
