import Testing
@testable import Schedule

/// A window defined before the statements a rewrite moves still aliases its
/// buffer: writes through `w` conflict with reads of `x`. Found by fuzzing
/// fissionAsMuchAsPossible on random kernels: the dependence analysis saw
/// `w` and `x` as two buffers when `w = x[...]` stood outside the loop.
@Suite struct WindowAliasTests {
    static let text = """
        @proc
        def f(x: i32[4] @ DRAM, y: i32[4] @ DRAM):
            w = x[0:4]
            for i in seq(0, 4):
                y[i] = x[3 - i]
                w[i] = 1
        """

    @Test func reorderingAWriteThroughAWindowPastAReadOfItsBufferIsRefused() throws {
        // Within one iteration `w[i] = 1` overwrites the x[i] that `y[i] = x[i]` reads.
        let p = try ExoText.procedure(Self.text.replacing("x[3 - i]", with: "x[i]"))
        let msg = scheduleError { _ = try p.reorderStmts(p.find("y[_] = _"), p.find("w[_] = _")) }
        #expect(msg.hasPrefix("reorderStmts: "), "\(msg)")
        #expect(msg.contains("x["), "\(msg)")
    }

    @Test func fissionAcrossAWindowDependenceIsRefused() throws {
        let p = try ExoText.procedure(Self.text)
        let msg = scheduleError { _ = try p.fission(p.find("y[_] = _").after()) }
        #expect(msg.hasPrefix("fission: "), "\(msg)")
        #expect(msg.contains("x["), "\(msg)")
    }

    @Test func independentWindowAccessesStillMove() throws {
        let p = try ExoText.procedure("""
            @proc
            def f(x: i32[8] @ DRAM, y: i32[4] @ DRAM):
                w = x[4:8]
                for i in seq(0, 4):
                    y[i] = x[i]
                    w[i] = 1
            """)
        let q = try p.fission(p.find("y[_] = _").after())
        #expect(try InterpreterEquivalence.equal(p, q))
        #expect(q.ir.body.count == 3)
    }
}
