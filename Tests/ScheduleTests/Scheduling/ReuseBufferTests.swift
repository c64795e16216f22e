import Testing
@testable import Schedule

@Suite struct ReuseBufferTests {
    static let load4 = """
        @instr("mld({dst_data}, {src_data});")
        def load4(dst: [i32][4] @ DRAM, src: [i32][4] @ DRAM):
            for k in seq(0, 4):
                dst[k] = src[k]

        """

    @Test func reusesABufferAfterItsLastUse() throws {
        let p = try procedure("""
            @proc
            def two(x: i32[4] @ DRAM, z: i32[4] @ DRAM):
                a: i32[4] @ DRAM
                b: i32[4] @ DRAM
                for i in seq(0, 4):
                    a[i] = x[i]
                for i in seq(0, 4):
                    z[i] = a[i]
                for i in seq(0, 4):
                    b[i] = x[i] * 2
                for i in seq(0, 4):
                    z[i] += b[i]
            """)
        let last = try p.find("z[_] += _")
        let p2 = try p.reuseBuffer(p.findAlloc("a"), p.findAlloc("b"))
        #expect(exo(p2) == """
            @proc
            def two(x: i32[4] @ DRAM, z: i32[4] @ DRAM):
                a: i32[4] @ DRAM
                for i in seq(0, 4):
                    a[i] = x[i]
                for i in seq(0, 4):
                    z[i] = a[i]
                for i in seq(0, 4):
                    a[i] = x[i] * 2
                for i in seq(0, 4):
                    z[i] += a[i]

            """)
        #expect(try StatementText.stmt(p2.forward(last).stmt) == "z[i] += a[i]")
        #expect(scheduleError { _ = try p2.forward(p.findAlloc("b")) }.contains("removed by reuseBuffer"))
    }

    @Test func reusesATileInsideALoopWhenEachIterationReloadsIt() throws {
        // The case study's pattern: both tiles are loaded whole at the start of their part of each iteration.
        let p = try procedure(Self.load4 + """
            @proc
            def tiles(x: i32[4, 4] @ DRAM, z: i32[4, 4] @ DRAM):
                k0: i32[4] @ DRAM
                k1: i32[4] @ DRAM
                for c in seq(0, 4):
                    load4(k0[0:4], x[c, 0:4])
                    for k in seq(0, 4):
                        z[c, k] += k0[k]
                    load4(k1[0:4], x[0:4, c])
                    for k in seq(0, 4):
                        z[c, k] += k1[k] * 2
            """)
        let p2 = try p.reuseBuffer(p.findAlloc("k0"), p.findAlloc("k1"))
        #expect(exo(p2) == """
            @proc
            def tiles(x: i32[4, 4] @ DRAM, z: i32[4, 4] @ DRAM):
                k0: i32[4] @ DRAM
                for c in seq(0, 4):
                    load4(k0[0:4], x[c, 0:4])
                    for k in seq(0, 4):
                        z[c, k] += k0[k]
                    load4(k0[0:4], x[0:4, c])
                    for k in seq(0, 4):
                        z[c, k] += k0[k] * 2

            """)
    }

    @Test func refusedWhileTheKeptBufferIsStillLive() throws {
        let p = try procedure("""
            @proc
            def live(x: i32[2] @ DRAM, z: i32[2] @ DRAM):
                a: i32[2] @ DRAM
                b: i32[2] @ DRAM
                a[0] = x[0]
                b[0] = x[1]
                z[0] = a[0] + b[0]
            """)
        let msg = scheduleError { _ = try p.reuseBuffer(p.findAlloc("a"), p.findAlloc("b")) }
        #expect(msg == """
            reuseBuffer: a is still live: it is used after the first use of b
              applied to:
                  ...
                  b[0] = x[1]
                > z[0] = a[0] + b[0]
              b is first used in `b[0] = x[1]`
            """)
    }

    @Test func refusedWhenAValueCrossesIterations() throws {
        // k0 is loaded once before the loop and read in every iteration:
        // k1's load in iteration c would clobber it for iteration c + 1.
        let p = try procedure(Self.load4 + """
            @proc
            def carried(x: i32[4, 4] @ DRAM, z: i32[4, 4] @ DRAM):
                k0: i32[4] @ DRAM
                k1: i32[4] @ DRAM
                load4(k0[0:4], x[0, 0:4])
                for c in seq(0, 4):
                    for k in seq(0, 4):
                        z[c, k] += k0[k]
                    load4(k1[0:4], x[c, 0:4])
                    for k in seq(0, 4):
                        z[c, k] += k1[k]
            """)
        let msg = scheduleError { _ = try p.reuseBuffer(p.findAlloc("k0"), p.findAlloc("k1")) }
        #expect(msg == """
            reuseBuffer: k0 may carry a value into the next iteration, which k1 would overwrite
              applied to:
                  for c in seq(0, 4):
                >     for k in seq(0, 4):
                >         z[c, k] += k0[k]
                      load4(k1[0:4], x[c, 0:4])
                      ...
              its first use in the loop body reads it: read k0[k] in `for k in seq(0, 4):`
            """)
        // A partial load of the replaced buffer leaves old elements live.
        let q = try procedure("""
            @proc
            def partial(x: i32[4] @ DRAM, z: i32[4] @ DRAM):
                a: i32[4] @ DRAM
                b: i32[4] @ DRAM
                for c in seq(0, 4):
                    for k in seq(0, 4):
                        a[k] = x[k]
                    z[c] = a[c]
                    b[c] = x[c]
                    z[c] += b[0]
            """)
        let msg2 = scheduleError { _ = try q.reuseBuffer(q.findAlloc("a"), q.findAlloc("b")) }
        #expect(msg2.hasPrefix("reuseBuffer: b may carry a value into the next iteration, which a would overwrite\n"))
        #expect(msg2.hasSuffix("its first use in the loop body does not provably overwrite all of b"))
    }

    @Test func refusedForDifferentBuffers() throws {
        let p = try procedure("""
            @proc
            def kinds(x: i32[4] @ DRAM):
                a: i32[4] @ DRAM
                b: i32[2] @ DRAM
                c: i32[4] @ RVM_TILE
                d: i16[4] @ DRAM
                a[0] = x[0]
                x[1] = a[0]
                b[0] = x[0]
                c[0] = x[0]
                d[0] = 1
            """)
        #expect(scheduleError { _ = try p.reuseBuffer(p.findAlloc("a"), p.findAlloc("b")) }
            .hasPrefix("reuseBuffer: the buffers differ: a is `i32[4] @ DRAM`, b is `i32[2] @ DRAM`"))
        #expect(scheduleError { _ = try p.reuseBuffer(p.findAlloc("a"), p.findAlloc("c")) }
            .hasPrefix("reuseBuffer: the buffers differ: a is `i32[4] @ DRAM`, c is `i32[4] @ RVM_TILE`"))
        #expect(scheduleError { _ = try p.reuseBuffer(p.findAlloc("a"), p.findAlloc("d")) }
            .hasPrefix("reuseBuffer: the buffers differ: a is `i32[4] @ DRAM`, d is `i16[4] @ DRAM`"))
        // The later buffer cannot be replaced by an earlier one... the other way round.
        let q = try procedure("""
            @proc
            def order(x: i32[4] @ DRAM):
                a: i32[4] @ DRAM
                b: i32[4] @ DRAM
                b[0] = x[0]
                a[0] = b[0]
            """)
        #expect(scheduleError { _ = try q.reuseBuffer(q.findAlloc("b"), q.findAlloc("a")) }
            .hasPrefix("reuseBuffer: a is not allocated in the scope of b, after it"))
    }
}
