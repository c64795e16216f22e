import Testing
@testable import Schedule

@Suite struct ScheduleHistoryTests {
    static let scale = """
        @proc
        def scale(n: size, x: i32[n] @ DRAM, z: i32[n] @ DRAM):
            assert n % 4 == 0
            for i in seq(0, n):
                z[i] = x[i] * 2
        """

    @Test func recordsEachRewriteWithItsArgumentsAndResult() throws {
        let p = try procedure(Self.scale)
        let p1 = try p.divideLoop(p.findLoop("i"), by: 4, newNames: ("io", "ii"), tail: .perfect)
        let p2 = try p1.simplify()
        let p3 = try p2.rename("scale4")
        #expect(p3.history == ["divideLoop", "simplify", "rename"])
        #expect(p3.steps.map(\.call) == ["divideLoop(for i in seq(0, n), 4, [io, ii], perfect)", "simplify()", "rename(scale4)"])
        #expect(p3.steps.map(\.proc) == [p1.ir, p2.ir, p3.ir])
        #expect(p3.original == p.ir)
        #expect(p.steps.isEmpty && p.original == p.ir)
        #expect(p3.stepByStep(changedOnly: true) == """
            # original
            @proc
            def scale(n: size, x: i32[n] @ DRAM, z: i32[n] @ DRAM):
                assert n % 4 == 0
                for i in seq(0, n):
                    z[i] = x[i] * 2

            # 1. divideLoop(for i in seq(0, n), 4, [io, ii], perfect)
            @proc
            def scale(n: size, x: i32[n] @ DRAM, z: i32[n] @ DRAM):
                assert n % 4 == 0
                for io in seq(0, n / 4):
                    for ii in seq(0, 4):
                        z[4 * io + ii] = x[4 * io + ii] * 2

            # 2. simplify()
            # (unchanged)

            # 3. rename(scale4)
            @proc
            def scale4(n: size, x: i32[n] @ DRAM, z: i32[n] @ DRAM):
                assert n % 4 == 0
                for io in seq(0, n / 4):
                    for ii in seq(0, 4):
                        z[4 * io + ii] = x[4 * io + ii] * 2

            """)
        // Without changedOnly every step prints its proc.
        #expect(p3.stepByStep().components(separatedBy: "@proc").count - 1 == 4)
    }

    @Test func argumentsNameGapsBlocksAndMultiStepRewrites() throws {
        let p = try procedure("""
            @proc
            def two(x: i32[4, 4] @ DRAM, y: i32[4, 4] @ DRAM):
                for i in seq(0, 4):
                    for j in seq(0, 4):
                        x[i, j] = 0
                        y[i, j] = 1
                t: i32[2] @ DRAM
                t[0] = 1
                t[1] = 2
            """)
        let p2 = try p.fission(p.find("x[_] = _").after(), nLifts: 2)
            .unrollBuffer(p.findAlloc("t"))
            .setMemory(p.findAlloc("t"), "RVM_TILE")
        #expect(p2.steps.map(\.call) == [
            "fission(after x[i, j] = 0)", "fission(after for j in seq(0, 4))",
            "unrollBuffer(t: i32[2] @ DRAM, 0)", "setMemory(t_0: i32 @ DRAM, RVM_TILE)",
        ])
    }
}
