import Testing
@testable import Schedule

/// Issue 5 asks each rewrite's effect to be checked against the printed text,
/// derived by hand. specialize and setMemory were checked on the IR only
/// (StatementRewriteTests, AllocationTests); these are their printed forms,
/// with the interpreter property beside them.
@Suite struct PrintedEffectTests {
    static let scale = """
        @proc
        def scale(n: size, x: i32[n] @ DRAM, z: i32[n] @ DRAM):
            assert n % 4 == 0
            for i in seq(0, n):
                z[i] = x[i] * 2
        """

    /// One copy of the loop per condition, tried in order, plus the fall-through;
    /// the copies keep `n` (specialize adds the branch, it does not substitute).
    /// An else holding only an if prints as `elif`, as in Exo.
    @Test func specializeCopiesTheBlockUnderEachCondition() throws {
        let p = try ExoText.procedure(Self.scale)
        let q = try p.specialize(p.findLoop("i"), conditions: ["n == 16", "n < 8"])
        #expect(ExoText.printed(q) == """
            def scale(n: size, x: i32[n] @ DRAM, z: i32[n] @ DRAM):
                assert n % 4 == 0
                if n == 16:
                    for i in seq(0, n):
                        z[i] = x[i] * 2
                elif n < 8:
                    for i in seq(0, n):
                        z[i] = x[i] * 2
                else:
                    for i in seq(0, n):
                        z[i] = x[i] * 2

            """)
        for n in [4, 8, 16] {
            #expect(try InterpreterEquivalence.equal(p, q, sizes: ["n": n]))
        }
    }

    @Test func setMemoryChangesOnlyTheAnnotation() throws {
        let p = try ExoText.procedure("""
            @proc
            def bump(x: i32[4] @ DRAM):
                t: i32[4] @ DRAM
                for i in seq(0, 4):
                    t[i] = x[i]
                for k in seq(0, 4):
                    x[k] = t[k] + 1
            """)
        let q = try p.setMemory(p.findAlloc("t"), "DRAM_STATIC")
        #expect(ExoText.printed(q) == """
            def bump(x: i32[4] @ DRAM):
                t: i32[4] @ DRAM_STATIC
                for i in seq(0, 4):
                    t[i] = x[i]
                for k in seq(0, 4):
                    x[k] = t[k] + 1

            """)
        #expect(try InterpreterEquivalence.equal(p, q))
        // Only allocations have a memory.
        let refused = scheduleError { _ = try p.setMemory(p.findLoop("k"), "DRAM_STATIC") }
        #expect(refused.hasPrefix("setMemory: expected an allocation"), "\(refused)")
    }
}
