import Testing
@testable import Schedule

/// stageMem: loads, stores, accumulation, the skipped load, and refusals.
/// The expected texts are derived by hand from the rewrite's definition.
@Suite struct StageMemTests {
    static let tiles = """
        @proc
        def double(x: i32[8, 8] @ DRAM, y: i32[8, 8] @ DRAM):
            for io in seq(0, 2):
                for jo in seq(0, 2):
                    for ii in seq(0, 4):
                        for ji in seq(0, 4):
                            y[4 * io + ii, 4 * jo + ji] = x[4 * io + ii, 4 * jo + ji] * 2
        """

    @Test func stagingAReadOnlyWindowLoadsItAndStoresNothing() throws {
        let p = try ExoText.procedure(Self.tiles)
        let block = try p.findLoop("ii")
        let q = try p.stageMem(block, window: "x[4*io:4*io+4, 4*jo:4*jo+4]", name: "xt")
        #expect(try InterpreterEquivalence.equal(p, q))
        #expect(ExoText.printed(q) == """
            def double(x: i32[8, 8] @ DRAM, y: i32[8, 8] @ DRAM):
                for io in seq(0, 2):
                    for jo in seq(0, 2):
                        xt: i32[4, 4] @ DRAM
                        for i0 in seq(0, 4):
                            for i1 in seq(0, 4):
                                xt[i0, i1] = x[4 * io + i0, 4 * jo + i1]
                        for ii in seq(0, 4):
                            for ji in seq(0, 4):
                                y[4 * io + ii, 4 * jo + ji] = xt[ii, ji] * 2

            """)
        // The cursor on the staged loop follows it.
        #expect(try q.forward(block).path == q.findLoop("ii").path)
        #expect(q.history == ["stageMem"])
    }

    @Test func aBlockThatOverwritesTheWholeWindowFirstNeedsNoLoad() throws {
        let p = try ExoText.procedure(Self.tiles)
        let q = try p.stageMem(p.findLoop("ii"), window: "y[4*io:4*io+4, 4*jo:4*jo+4]", name: "yt")
        #expect(try InterpreterEquivalence.equal(p, q))
        #expect(ExoText.printed(q) == """
            def double(x: i32[8, 8] @ DRAM, y: i32[8, 8] @ DRAM):
                for io in seq(0, 2):
                    for jo in seq(0, 2):
                        yt: i32[4, 4] @ DRAM
                        for ii in seq(0, 4):
                            for ji in seq(0, 4):
                                yt[ii, ji] = x[4 * io + ii, 4 * jo + ji] * 2
                        for i0 in seq(0, 4):
                            for i1 in seq(0, 4):
                                y[4 * io + i0, 4 * jo + i1] = yt[i0, i1]

            """)
    }

    @Test func aBlockThatWritesPartOfTheWindowStillLoadsIt() throws {
        // Only the first two columns are written: the other two must be loaded
        // so the write-back does not clobber them.
        let p = try ExoText.procedure("""
            @proc
            def half(x: i32[4] @ DRAM):
                for i in seq(0, 2):
                    x[i] = 7
            """)
        let q = try p.stageMem(p.findLoop("i"), window: "x[0:4]", name: "t")
        #expect(try InterpreterEquivalence.equal(p, q))
        #expect(ExoText.printed(q) == """
            def half(x: i32[4] @ DRAM):
                t: i32[4] @ DRAM
                for i0 in seq(0, 4):
                    t[i0] = x[i0]
                for i in seq(0, 2):
                    t[i] = 7
                for i0 in seq(0, 4):
                    x[i0] = t[i0]

            """)
    }

    @Test func accumulateZeroesTheBufferAndAddsItBack() throws {
        let p = try ExoText.procedure("""
            @proc
            def mv(x: i32[8, 4] @ DRAM, v: i32[4] @ DRAM, z: i32[8] @ DRAM):
                for io in seq(0, 2):
                    for ii in seq(0, 4):
                        for k in seq(0, 4):
                            z[4 * io + ii] += x[4 * io + ii, k] * v[k]
            """)
        let q = try p.stageMem(p.findLoop("ii"), window: "z[4*io:4*io+4]", name: "acc", accumulate: true)
        #expect(try InterpreterEquivalence.equal(p, q))
        #expect(ExoText.printed(q) == """
            def mv(x: i32[8, 4] @ DRAM, v: i32[4] @ DRAM, z: i32[8] @ DRAM):
                for io in seq(0, 2):
                    acc: i32[4] @ DRAM
                    for i0 in seq(0, 4):
                        acc[i0] = 0
                    for ii in seq(0, 4):
                        for k in seq(0, 4):
                            acc[ii] += x[4 * io + ii, k] * v[k]
                    for i0 in seq(0, 4):
                        z[4 * io + i0] += acc[i0]

            """)
    }

    /// The case study's first staging: a point window gives a scalar; the
    /// block starts by zeroing it, so no load.
    @Test func aPointWindowStagesIntoAScalar() throws {
        let p = try ExoText.procedure("""
            @proc
            def dot(x: i32[4, 8] @ DRAM, out: i32[4] @ DRAM):
                for i in seq(0, 4):
                    out[i] = 0
                    for k in seq(0, 8):
                        out[i] += x[i, k]
            """)
        let block = try p.find("out[_] = _").expand(0, 1)
        let q = try p.stageMem(block, window: "out[i]", name: "acc")
        #expect(try InterpreterEquivalence.equal(p, q))
        #expect(ExoText.printed(q) == """
            def dot(x: i32[4, 8] @ DRAM, out: i32[4] @ DRAM):
                for i in seq(0, 4):
                    acc: i32 @ DRAM
                    acc = 0
                    for k in seq(0, 8):
                        acc += x[i, k]
                    out[i] = acc

            """)
        #expect(try q.forward(block).stmts.count == 2)
        #expect(try q.forward(block)[0].stmt == q.find("acc = _").stmt)
    }

    @Test func accessesWhollyOutsideTheWindowAreLeftAlone() throws {
        let p = try ExoText.procedure("""
            @proc
            def shift(x: i32[8] @ DRAM):
                for i in seq(0, 4):
                    x[i + 4] = x[i] + 1
            """)
        let q = try p.stageMem(p.findLoop("i"), window: "x[0:4]", name: "lo")
        #expect(try InterpreterEquivalence.equal(p, q))
        #expect(ExoText.printed(q) == """
            def shift(x: i32[8] @ DRAM):
                lo: i32[4] @ DRAM
                for i0 in seq(0, 4):
                    lo[i0] = x[i0]
                for i in seq(0, 4):
                    x[i + 4] = lo[i] + 1

            """)
    }

    // MARK: refusals

    @Test func aWindowThatCutsThroughAnAccessIsRefused() throws {
        let p = try ExoText.procedure(Self.tiles)
        let msg = scheduleError { _ = try p.stageMem(p.findLoop("ii"), window: "x[4*io:4*io+2, 4*jo:4*jo+4]", name: "xt") }
        #expect(msg.hasPrefix("stageMem: an access may touch x both inside and outside the window x[4 * io:4 * io + 2, 4 * jo:4 * jo + 4]"))
        #expect(msg.contains("the access x[4 * io + ii, 4 * jo + ji] in `y[4 * io + ii, 4 * jo + ji] = x[4 * io + ii, 4 * jo + ji] * 2`"))
        #expect(msg.contains("is outside the window when"))
    }

    @Test func aWindowOutsideTheBufferIsRefused() throws {
        let p = try ExoText.procedure(Self.tiles)
        let msg = scheduleError { _ = try p.stageMem(p.findLoop("ii"), window: "x[4*io:4*io+8, 4*jo:4*jo+4]", name: "xt") }
        #expect(msg.hasPrefix("stageMem: the window x[4 * io:4 * io + 8, 4 * jo:4 * jo + 4] is not provably inside x (shape [8, 8])"))
        #expect(msg.contains("fails when io = 1"))
    }

    @Test func accumulateRefusesABlockThatAssigns() throws {
        let p = try ExoText.procedure(Self.tiles)
        let msg = scheduleError {
            _ = try p.stageMem(p.findLoop("ii"), window: "y[4*io:4*io+4, 4*jo:4*jo+4]", name: "yt", accumulate: true)
        }
        #expect(msg.hasPrefix("stageMem: with accumulate, the block may only reduce into the window y[4 * io:4 * io + 4, 4 * jo:4 * jo + 4]"))
        #expect(msg.contains("it assigns y[4 * io + ii, 4 * jo + ji] in `y[4 * io + ii, 4 * jo + ji] = x[4 * io + ii, 4 * jo + ji] * 2`"))
    }

    @Test func aBufferReachedThroughAWindowIsRefused() throws {
        let p = try ExoText.procedure("""
            @proc
            def viaWindow(x: i32[8] @ DRAM):
                w = x[0:4]
                for i in seq(0, 4):
                    w[i] = x[i + 4]
            """)
        let msg = scheduleError { _ = try p.stageMem(p.findLoop("i"), window: "x[4:8]", name: "t") }
        #expect(msg.hasPrefix("stageMem: the block reaches x other than by element accesses"))
        #expect(msg.contains("it uses w, a window of x, in `w[i] = x[i + 4]`"))
    }

    @Test func badArgumentsAreErrorsNotCrashes() throws {
        let p = try ExoText.procedure(Self.tiles)
        #expect(scheduleError { _ = try p.stageMem(p.findLoop("ii"), window: "x[0:4]", name: "t") }
            .hasPrefix("stageMem: the window x[0:4] has 1 dimensions, x has 2"))
        #expect(scheduleError { _ = try p.stageMem(p.findLoop("ii"), window: "q[0:4]", name: "t") }
            .contains("`q` is not defined here"))
        #expect(scheduleError { _ = try p.stageMem(p.findLoop("ii"), window: "io", name: "t") }
            .contains("`io` is not a data buffer"))
        #expect(scheduleError { _ = try p.stageMem(p.findLoop("ii"), window: "x", name: "1t") }
            .contains("`1t` is not a valid name"))
        #expect(scheduleError { _ = try p.stageMem(p.findLoop("ii"), window: "x[ii, 0:8]", name: "t") }
            .contains("`ii` is not defined here"))
    }

    /// The property check itself can fail: dropping the load that the
    /// partial write needs changes the output.
    @Test func theInterpreterCheckNoticesAMissingLoad() throws {
        let p = try ExoText.procedure("""
            @proc
            def half(x: i32[4] @ DRAM):
                for i in seq(0, 2):
                    x[i] = 7
            """)
        let wrong = try ExoText.procedure("""
            @proc
            def half(x: i32[4] @ DRAM):
                t: i32[4] @ DRAM
                for i in seq(0, 2):
                    t[i] = 7
                for i0 in seq(0, 4):
                    x[i0] = t[i0]
            """)
        #expect(try !InterpreterEquivalence.equal(p, wrong))
    }
}
