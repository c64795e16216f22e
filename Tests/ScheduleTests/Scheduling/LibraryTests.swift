import Testing
@testable import Schedule

/// The composite schedules of Scheduling/Library, on small procs written as
/// Exo text; each result is derived by hand and run against the original
/// in the interpreter.
@Suite struct LibraryTests {
    static let copy = """
        @proc
        def copy(x: i32[8, 12] @ DRAM, y: i32[8, 12] @ DRAM):
            for i in seq(0, 8):
                for j in seq(0, 12):
                    y[i, j] = x[i, j]
        """

    @Test func tileLoopsDividesAndBringsTheOuterLoopsTogether() throws {
        let p = try ExoText.procedure(Self.copy)
        let q = try p.tileLoops([(p.findLoop("i"), 4), (p.findLoop("j"), 4)], perfect: true)
        #expect(ExoText.printed(q) == """
            def copy(x: i32[8, 12] @ DRAM, y: i32[8, 12] @ DRAM):
                for io in seq(0, 2):
                    for jo in seq(0, 3):
                        for ii in seq(0, 4):
                            for ji in seq(0, 4):
                                y[4 * io + ii, 4 * jo + ji] = x[4 * io + ii, 4 * jo + ji]

            """)
        #expect(try InterpreterEquivalence.equal(p, q))
        // Cursors on the original loops follow their outer loops.
        #expect(try q.forward(p.findLoop("j")).name == "jo")
    }

    @Test func tileLoopsCutsATailWhenTheTileDoesNotDivide() throws {
        let p = try ExoText.procedure("""
            @proc
            def ten(x: i32[10] @ DRAM, y: i32[10] @ DRAM):
                for i in seq(0, 10):
                    y[i] = x[i]
            """)
        let q = try p.tileLoops([(p.findLoop("i"), 4)])
        #expect(try text(q.simplify()) == """
            for io in seq(0, 2):
                for ii in seq(0, 4):
                    y[4 * io + ii] = x[4 * io + ii]
            for ii in seq(0, 2):
                y[ii + 8] = x[ii + 8]
            """)
        #expect(try InterpreterEquivalence.equal(p, q))
        #expect(scheduleError { _ = try p.tileLoops([(p.findLoop("i"), 4)], perfect: true) }
            .hasPrefix("divideLoop: the trip count 10 is not provably divisible by 4"))
        #expect(scheduleError { _ = try p.tileLoops([(p.findLoop("i"), 0)]) } == "tileLoops: tile sizes must be positive, got 0")
    }

    // MARK: autoStageMem

    @Test func autoStageMemInfersTheTightestWindow() throws {
        let p = try ExoText.procedure("""
            @proc
            def mv(x: i32[8, 4] @ DRAM, v: i32[4] @ DRAM, z: i32[8] @ DRAM):
                for io in seq(0, 2):
                    for ii in seq(0, 4):
                        for k in seq(0, 4):
                            z[4 * io + ii] += x[4 * io + ii, k] * v[k]
            """)
        let byHand = try p.stageMem(p.findLoop("ii"), window: "z[4*io:4*io+4]", name: "acc", accumulate: true)
        let inferred = try p.autoStageMem(p.findLoop("ii"), "z", name: "acc", accumulate: true)
        #expect(ExoText.printed(inferred) == ExoText.printed(byHand))
        // Two dimensions: a 4x4 block of x.
        let x = try p.autoStageMem(p.findLoop("ii"), "x", name: "xt")
        #expect(try x.findLoop("io").body()[1].stmt == x.find("for i0 in _: _").stmt)
        #expect(try text(x.find("for i0 in _: _").stmts) == """
            for i0 in seq(0, 4):
                for i1 in seq(0, 4):
                    xt[i0, i1] = x[4 * io + i0, i1]
            """)
        #expect(try text(x.find("xt : _").stmts) == "xt: i32[4, 4] @ DRAM")
        #expect(try InterpreterEquivalence.equal(p, inferred))
        #expect(try InterpreterEquivalence.equal(p, x))
    }

    @Test func autoStageMemJoinsTheRangesOfSeveralAccesses() throws {
        let p = try ExoText.procedure("""
            @proc
            def pairs(x: i32[8] @ DRAM, y: i32[8] @ DRAM):
                for io in seq(0, 2):
                    for ii in seq(0, 3):
                        y[4 * io + ii] = x[4 * io + ii] + x[4 * io + ii + 1]
            """)
        let q = try p.autoStageMem(p.findLoop("ii"), "x", name: "xt")
        #expect(try text(q.findLoop("io").body().stmts) == """
            xt: i32[4] @ DRAM
            for i0 in seq(0, 4):
                xt[i0] = x[4 * io + i0]
            for ii in seq(0, 3):
                y[4 * io + ii] = xt[ii] + xt[ii + 1]
            """)
        #expect(try InterpreterEquivalence.equal(p, q))
        // A point: every access uses the same index.
        let r = try p.autoStageMem(p.findLoop("ii"), "y", name: "yt")
        #expect(try text(r.findLoop("io").body()[0].stmts) == "yt: i32[3] @ DRAM")
        let none = scheduleError { _ = try p.autoStageMem(p.findLoop("ii"), "io", name: "t") }
        #expect(none == "autoStageMem: `io` is not a data buffer")
    }

    // MARK: replaceAll

    @Test func replaceAllTurnsEveryMatchingNestIntoItsInstruction() throws {
        let p = try ExoText.procedure("""
            @proc
            def tile(A: i32[4, 4] @ DRAM, B: i32[4, 4] @ DRAM, C: i32[4, 4] @ DRAM):
                acc: i32[4, 4] @ RVM_TILE
                a: i32[4, 4] @ RVM_TILE
                b: i32[4, 4] @ RVM_TILE
                for i in seq(0, 4):
                    for j in seq(0, 4):
                        acc[i, j] = 0
                for i in seq(0, 4):
                    for j in seq(0, 4):
                        a[i, j] = A[i, j]
                for i in seq(0, 4):
                    for j in seq(0, 4):
                        b[i, j] = B[i, j]
                for i in seq(0, 4):
                    for j in seq(0, 4):
                        for k in seq(0, 4):
                            acc[i, j] += a[i, k] * b[j, k]
                for i in seq(0, 4):
                    for j in seq(0, 4):
                        C[i, j] = acc[i, j]
                C[0, 0] = 1
            """)
        let q = try p.replaceAll(["rvm_mzero", "rvm_mst", "rvm_mld", "rvm_mmasa"].map(ExoText.instruction))
        #expect(text(q) == """
            acc: i32[4, 4] @ RVM_TILE
            a: i32[4, 4] @ RVM_TILE
            b: i32[4, 4] @ RVM_TILE
            rvm_mzero(acc[0:4, 0:4])
            rvm_mld(a[0:4, 0:4], A[0:4, 0:4])
            rvm_mld(b[0:4, 0:4], B[0:4, 0:4])
            rvm_mmasa(acc[0:4, 0:4], b[0:4, 0:4], a[0:4, 0:4])
            rvm_mst(acc[0:4, 0:4], C[0:4, 0:4])
            C[0, 0] = 1
            """)
        #expect(try InterpreterEquivalence.equal(p, q))
        // With no matching instruction nothing changes.
        #expect(try p.replaceAll(ExoText.instruction("rvm_mmaqa")).ir.body == p.ir.body)
    }

    // MARK: fission, scopes, allocations, loops

    @Test func fissionAsMuchAsPossibleMovesTheStatementUpThenSplitsEveryLevel() throws {
        let p = try ExoText.procedure("""
            @proc
            def two(x: i32[4, 4] @ DRAM, y: i32[4, 4] @ DRAM, z: i32[4, 4] @ DRAM):
                for i in seq(0, 4):
                    for j in seq(0, 4):
                        y[i, j] = x[i, j]
                        z[i, j] = 2
            """)
        let q = try p.fissionAsMuchAsPossible(p.find("z[_] = _"))
        #expect(text(q) == """
            for i in seq(0, 4):
                for j in seq(0, 4):
                    z[i, j] = 2
            for i in seq(0, 4):
                for j in seq(0, 4):
                    y[i, j] = x[i, j]
            """)
        #expect(try InterpreterEquivalence.equal(p, q))
        // It stops where a fission is refused: here the allocation of t.
        let s = try ExoText.procedure("""
            @proc
            def staged(x: i32[4, 4] @ DRAM, y: i32[4, 4] @ DRAM):
                for i in seq(0, 4):
                    t: i32[4] @ DRAM
                    for j in seq(0, 4):
                        t[j] = x[i, j]
                        y[i, j] = t[j]
            """)
        let r = try s.fissionAsMuchAsPossible(s.find("t[_] = _"))
        #expect(text(r) == """
            for i in seq(0, 4):
                t: i32[4] @ DRAM
                for j in seq(0, 4):
                    t[j] = x[i, j]
                for j in seq(0, 4):
                    y[i, j] = t[j]
            """)
        #expect(try InterpreterEquivalence.equal(s, r))
    }

    @Test func liftScopeNLiftsALoopAboveSeveralLoops() throws {
        let p = try ExoText.procedure("""
            @proc
            def nest(x: i32[2, 3, 4] @ DRAM, y: i32[2, 3, 4] @ DRAM):
                for i in seq(0, 2):
                    for j in seq(0, 3):
                        for k in seq(0, 4):
                            y[i, j, k] = x[i, j, k] + 1
            """)
        let q = try p.liftScope(p.findLoop("k"), n: 2)
        #expect(text(q) == """
            for k in seq(0, 4):
                for i in seq(0, 2):
                    for j in seq(0, 3):
                        y[i, j, k] = x[i, j, k] + 1
            """)
        #expect(try InterpreterEquivalence.equal(p, q))
        #expect(q.history == ["reorderLoops", "reorderLoops"])
    }

    @Test func autoliftAllocExpandsByEachLoopWithinTheSizeLimit() throws {
        let p = try ExoText.procedure("""
            @proc
            def scalarTemp(x: i32[4, 4] @ DRAM, z: i32[4, 4] @ DRAM):
                for i in seq(0, 4):
                    for j in seq(0, 4):
                        t: i32 @ DRAM
                        t = x[i, j] * 2
                        z[i, j] = t
            """)
        let q = try p.autoliftAlloc(p.findAlloc("t"), maxSize: 4)
        #expect(text(q) == """
            for i in seq(0, 4):
                t: i32[4] @ DRAM
                for j in seq(0, 4):
                    t[j] = x[i, j] * 2
                    z[i, j] = t[j]
            """)
        let r = try p.autoliftAlloc(p.findAlloc("t"), maxSize: 16)
        #expect(text(r) == """
            t: i32[4, 4] @ DRAM
            for i in seq(0, 4):
                for j in seq(0, 4):
                    t[i, j] = x[i, j] * 2
                    z[i, j] = t[i, j]
            """)
        // Only loops in depSet expand the buffer.
        let s = try p.autoliftAlloc(p.findAlloc("t"), maxSize: 16, depSet: ["j"])
        #expect(try text(s.findLoop("i").body()[0].stmts) == "t: i32[4] @ DRAM")
        for v in [q, r, s] { #expect(try InterpreterEquivalence.equal(p, v)) }
    }

    @Test func removeRedundantLoopsRemovesTheLoopsTheStatementDoesNotNeed() throws {
        let p = try ExoText.procedure("""
            @proc
            def again(x: i32[4] @ DRAM, y: i32[4] @ DRAM):
                for i in seq(0, 4):
                    for k in seq(0, 3):
                        for j in seq(0, 4):
                            y[j] = x[j]
            """)
        let all = try p.removeRedundantLoops(p.find("y[_] = _"))
        #expect(text(all) == """
            for j in seq(0, 4):
                y[j] = x[j]
            """)
        let one = try p.removeRedundantLoops(p.find("y[_] = _"), num: 1)
        #expect(text(one) == """
            for i in seq(0, 4):
                for j in seq(0, 4):
                    y[j] = x[j]
            """)
        #expect(try InterpreterEquivalence.equal(p, all))
        #expect(try InterpreterEquivalence.equal(p, one))
        // A reduction is not idempotent: nothing is removed.
        let sum = try ExoText.procedure("""
            @proc
            def sum(x: i32[4] @ DRAM, y: i32[4] @ DRAM):
                for k in seq(0, 3):
                    for j in seq(0, 4):
                        y[j] += x[j]
            """)
        #expect(try sum.removeRedundantLoops(sum.find("y[_] += _")).ir.body == sum.ir.body)
    }

    @Test func partialEvalFixesSizes() throws {
        let p = try ExoText.procedure("""
            @proc
            def scale(n: size, x: i32[n, 4] @ DRAM, z: i32[n, 4] @ DRAM):
                assert n % 4 == 0
                for i in seq(0, n):
                    for j in seq(0, 4):
                        z[i, j] = x[i, j] * 2
            """)
        let q = try p.partialEval(["n": 8])
        #expect(ExoText.printed(q) == """
            def scale(x: i32[8, 4] @ DRAM, z: i32[8, 4] @ DRAM):
                for i in seq(0, 8):
                    for j in seq(0, 4):
                        z[i, j] = x[i, j] * 2

            """)
        #expect(try InterpreterEquivalence.outputs(p.ir, sizes: ["n": 8], seed: 5)
            == InterpreterEquivalence.outputs(q.ir, sizes: [:], seed: 5).suffix(2))
        #expect(scheduleError { _ = try p.partialEval(["n": 6]) } == "partialEval: the precondition `n % 4 == 0` fails for these values")
        #expect(scheduleError { _ = try p.partialEval(["m": 6]) } == "partialEval: scale has no argument named m")
        #expect(scheduleError { _ = try p.partialEval(["x": 6]) } == "partialEval: x is not a size or index argument")
    }
}
