import Testing
@testable import Schedule

/// Fission of a loop whose first part recomputes the same values in every
/// iteration (the case study's im2col fill): sound when that part does not
/// depend on the loop, is idempotent, and the second part leaves its
/// inputs and outputs alone.
@Suite struct RepeatableFissionTests {
    static func fill(_ first: String, _ second: String) -> String {
        """
        @proc
        def fill(x: i32[4] @ DRAM, z: i32[4, 4] @ DRAM):
            y: i32[4] @ DRAM
            for i in seq(0, 4):
                for r in seq(0, 4):
                    \(first)
                for j in seq(0, 4):
                    \(second)
        """
    }

    @Test func aFillThatIgnoresTheLoopIsSplitOut() throws {
        let p = try ExoText.procedure(Self.fill("y[r] = x[r] * 2", "z[i, j] = y[j]"))
        let q = try p.fission(p.findLoop("r").after())
        #expect(text(q) == """
            y: i32[4] @ DRAM
            for i in seq(0, 4):
                for r in seq(0, 4):
                    y[r] = x[r] * 2
            for i in seq(0, 4):
                for j in seq(0, 4):
                    z[i, j] = y[j]
            """)
        #expect(try InterpreterEquivalence.equal(p, q))
        // ...after which the fill's loop is redundant.
        let r = try q.removeLoop(q.findLoop("i"))
        #expect(try InterpreterEquivalence.equal(p, r))
    }

    @Test func aFillThatDependsOnTheLoopIsRefused() throws {
        let p = try ExoText.procedure(Self.fill("y[r] = x[r] * i", "z[i, j] = y[j]"))
        let msg = scheduleError { _ = try p.fission(p.findLoop("r").after()) }
        #expect(msg.hasPrefix("fission: it breaks a dependence"))
        #expect(msg.contains("conflicting accesses:"))
    }

    @Test func aSecondPartThatWritesTheFillsInputIsRefused() throws {
        let p = try ExoText.procedure(Self.fill("y[r] = x[r] * 2", "x[j] = z[i, j]"))
        #expect(scheduleError { _ = try p.fission(p.findLoop("r").after()) }.hasPrefix("fission: it breaks a dependence"))
    }

    @Test func aFillThatAccumulatesIsRefused() throws {
        let p = try ExoText.procedure(Self.fill("y[r] += x[r]", "z[i, j] = y[j]"))
        #expect(scheduleError { _ = try p.fission(p.findLoop("r").after()) }.hasPrefix("fission: it breaks a dependence"))
    }

    @Test func aFillThatReadsWhatItWritesIsRefused() throws {
        let p = try ExoText.procedure(Self.fill("y[r] = y[3 - r] + x[r]", "z[i, j] = y[j]"))
        #expect(scheduleError { _ = try p.fission(p.findLoop("r").after()) }.hasPrefix("fission: it breaks a dependence"))
    }
}
