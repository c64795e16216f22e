import Testing
@testable import Schedule

@Suite struct FuseTests {
    @Test func fusesLoopsWithEqualBounds() throws {
        let p = try procedure("""
            @proc
            def two(n: size, x: i32[n] @ DRAM, y: i32[n] @ DRAM, z: i32[n] @ DRAM):
                for i in seq(0, n):
                    y[i] = x[i] * 2
                for j in seq(0, n):
                    z[j] = y[j] + 1
                x[0] = 0
            """)
        let second = try p.find("z[_] = _"), tail = try p.find("x[0] = 0")
        let p2 = try p.fuse(p.findLoop("i"), p.findLoop("j"))
        #expect(exo(p2) == """
            @proc
            def two(n: size, x: i32[n] @ DRAM, y: i32[n] @ DRAM, z: i32[n] @ DRAM):
                for i in seq(0, n):
                    y[i] = x[i] * 2
                    z[i] = y[i] + 1
                x[0] = 0

            """)
        #expect(try p2.forward(second).path == [TreeStep(block: 0, index: 0), TreeStep(block: 0, index: 1)])
        #expect(try p2.forward(tail).path == [TreeStep(block: 0, index: 1)])
        #expect(try p2.forward(p.findLoop("j")).name == "i")
    }

    @Test func boundsEqualByAPrecondition() throws {
        let text = """
            @proc
            def sizes(n: size, m: size, x: i32[n] @ DRAM, z: i32[m] @ DRAM):
                assert n == m
                for i in seq(0, n):
                    x[i] = 1
                for j in seq(0, m):
                    z[j] = 2
            """
        let p = try procedure(text)
        #expect(exo(try p.fuse(p.findLoop("i"), p.findLoop("j"))).contains("""
                for i in seq(0, n):
                    x[i] = 1
                    z[i] = 2
            """))
        let q = try procedure(text.replacingOccurrences(of: "    assert n == m\n", with: ""))
        let msg = scheduleError { _ = try q.fuse(q.findLoop("i"), q.findLoop("j")) }
        #expect(msg.hasPrefix("fuse: the upper bounds are not provably equal\n"))
        #expect(msg.contains("`n == m` fails when m = "))
    }

    @Test func refusedWhenTheSecondLoopReadsALaterIterationsWrite() throws {
        let p = try procedure("""
            @proc
            def shift(x: i32[8] @ DRAM, y: i32[8] @ DRAM, z: i32[8] @ DRAM):
                for i in seq(0, 7):
                    y[i] = x[i]
                for j in seq(0, 7):
                    z[j] = y[j + 1]
            """)
        let msg = scheduleError { _ = try p.fuse(p.findLoop("i"), p.findLoop("j")) }
        #expect(msg == """
            fuse: iteration i of the second loop would run before iteration i' > i of the first, and they do not commute
              applied to:
                > for i in seq(0, 7):
                >     y[i] = x[i]
                > for j in seq(0, 7):
                >     z[j] = y[j + 1]
              conflicting accesses:
                read y[i + 1] in `z[i] = y[i + 1]`
                write y[i'] in `y[i] = x[i]`
              they overlap, e.g. when i = 0, i' = 1
            """)
        // Reading the same or an earlier iteration's value is fine.
        let q = try procedure("""
            @proc
            def back(x: i32[8] @ DRAM, y: i32[8] @ DRAM, z: i32[8] @ DRAM):
                for i in seq(1, 8):
                    y[i] = x[i]
                for j in seq(1, 8):
                    z[j] = y[j] + y[j - 1]
            """)
        #expect(exo(try q.fuse(q.findLoop("i"), q.findLoop("j"))).contains("        z[i] = y[i] + y[i - 1]\n"))
    }

    @Test func fusesIfsWithEqualConditions() throws {
        let p = try procedure("""
            @proc
            def branches(n: size, x: i32[4] @ DRAM):
                if n > 2:
                    x[0] = 1
                else:
                    x[0] = 2
                if n > 2:
                    x[1] = 1
            """)
        let p2 = try p.fuse(p.find("if _: _"), p.find("if _: _ #1"))
        #expect(exo(p2) == """
            @proc
            def branches(n: size, x: i32[4] @ DRAM):
                if n > 2:
                    x[0] = 1
                    x[1] = 1
                else:
                    x[0] = 2

            """)
    }

    @Test func refusedForIfsWhoseConditionTheFirstChanges() throws {
        let p = try procedure("""
            @proc
            def flag(x: i32[4] @ DRAM):
                if x[0] > 0:
                    x[0] = 0
                if x[0] > 0:
                    x[1] = 1
            """)
        let msg = scheduleError { _ = try p.fuse(p.find("if _: _"), p.find("if _: _ #1")) }
        #expect(msg == """
            fuse: the first if writes x, which the second condition reads
              applied to:
                > if x[0] > 0:
                >     x[0] = 0
                > if x[0] > 0:
                >     x[1] = 1
            """)
    }

    @Test func refusedForMismatchedOrDistantStatements() throws {
        let p = try procedure("""
            @proc
            def mixed(n: size, x: i32[4] @ DRAM):
                for i in seq(0, 4):
                    x[i] = 0
                if n > 2:
                    x[1] = 1
                for j in seq(0, 4):
                    x[j] = 2
            """)
        #expect(scheduleError { _ = try p.fuse(p.findLoop("i"), p.find("if _: _")) }
            .hasPrefix("fuse: expected two loops or two ifs\n"))
        #expect(scheduleError { _ = try p.fuse(p.findLoop("i"), p.findLoop("j")) }
            .hasPrefix("fuse: the second statement must directly follow the first\n"))
    }
}
