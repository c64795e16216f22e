import Testing
@testable import Schedule

@Suite struct UnrollBufferTests {
    @Test func splitsTheLeadingDimension() throws {
        let p = try procedure("""
            @proc
            def pair(x: i32[2, 4] @ DRAM, z: i32[4] @ DRAM):
                t: i32[2, 4] @ DRAM
                for i in seq(0, 4):
                    t[0, i] = x[0, i]
                    t[1, i] = x[1, i] * 2
                for i in seq(0, 4):
                    z[i] = t[0, i] + t[1 + 0, i]
            """)
        let load = try p.find("t[1, _] = _")
        let p2 = try p.unrollBuffer(p.findAlloc("t"))
        #expect(exo(p2) == """
            @proc
            def pair(x: i32[2, 4] @ DRAM, z: i32[4] @ DRAM):
                t_0: i32[4] @ DRAM
                t_1: i32[4] @ DRAM
                for i in seq(0, 4):
                    t_0[i] = x[0, i]
                    t_1[i] = x[1, i] * 2
                for i in seq(0, 4):
                    z[i] = t_0[i] + t_1[i]

            """)
        // Cursors move with their statements.
        #expect(try StatementText.stmt(p2.forward(load).stmt) == "t_1[i] = x[1, i] * 2")
        #expect(try p2.forward(p.findAlloc("t")).name == "t_0")
    }

    @Test func windowsAndCallsAndTheLastDimension() throws {
        // Tiles passed to an instruction as windows; unrolling the last
        // dimension of a 4 x 2 buffer leaves two 4-element buffers.
        let p = try procedure("""
            @instr("load({dst_data}, {src_data});")
            def load4(dst: [i32][4] @ DRAM, src: [i32][4] @ DRAM):
                for k in seq(0, 4):
                    dst[k] = src[k]

            @proc
            def tiles(x: i32[4, 2] @ DRAM, z: i32[4] @ DRAM):
                acc: i32[4, 2] @ DRAM
                load4(acc[0:4, 0], x[0:4, 0])
                load4(acc[0:4, 1], x[0:4, 1])
                for k in seq(0, 4):
                    z[k] = acc[k, 0] * acc[k, 1]
            """)
        let p2 = try p.unrollBuffer(p.findAlloc("acc"), dimension: 1)
        #expect(exo(p2) == """
            @proc
            def tiles(x: i32[4, 2] @ DRAM, z: i32[4] @ DRAM):
                acc_0: i32[4] @ DRAM
                acc_1: i32[4] @ DRAM
                load4(acc_0[0:4], x[0:4, 0])
                load4(acc_1[0:4], x[0:4, 1])
                for k in seq(0, 4):
                    z[k] = acc_0[k] * acc_1[k]

            """)
    }

    @Test func aVectorBecomesScalars() throws {
        let p = try procedure("""
            @proc
            def swap(x: i32[2] @ DRAM):
                t: i32[2] @ DRAM
                t[0] = x[0]
                t[1] = x[1]
                x[0] = t[1]
                x[1] = t[0]
            """)
        let p2 = try p.unrollBuffer(p.findAlloc("t"))
        #expect(exo(p2) == """
            @proc
            def swap(x: i32[2] @ DRAM):
                t_0: i32 @ DRAM
                t_1: i32 @ DRAM
                t_0 = x[0]
                t_1 = x[1]
                x[0] = t_1
                x[1] = t_0

            """)
    }

    @Test func refusedForAVariableIndex() throws {
        let p = try procedure("""
            @proc
            def copy(x: i32[4] @ DRAM):
                t: i32[4] @ DRAM
                for i in seq(0, 4):
                    t[i] = x[i]
                x[0] = t[3]
            """)
        let msg = scheduleError { _ = try p.unrollBuffer(p.findAlloc("t")) }
        #expect(msg == """
            unrollBuffer: the index `i` in dimension 0 of t is not a constant
              applied to:
                  for i in seq(0, 4):
                >     t[i] = x[i]
            """)
    }

    @Test func refusedForWindowsAcrossTheDimensionAndForSymbolicSizes() throws {
        let p = try procedure("""
            @instr("load({dst_data}, {src_data});")
            def load4(dst: [i32][4] @ DRAM, src: [i32][4] @ DRAM):
                for k in seq(0, 4):
                    dst[k] = src[k]

            @proc
            def spans(n: size, x: i32[4] @ DRAM):
                t: i32[4, 4] @ DRAM
                load4(t[0:4, 0], x[0:4])
                u: i32[n, 4] @ DRAM
                u[0, 0] = 1
            """)
        let msg = scheduleError { _ = try p.unrollBuffer(p.findAlloc("t")) }
        #expect(msg.hasPrefix("unrollBuffer: the window `t[0:4, 0]` spans dimension 0 of t\n"))
        #expect(msg.contains("> load4(t[0:4, 0], x[0:4])"))
        // Dimension 1 is fine: the window picks column 0.
        #expect(exo(try p.unrollBuffer(p.findAlloc("t"), dimension: 1)).contains("load4(t_0[0:4], x[0:4])"))
        let sym = scheduleError { _ = try p.unrollBuffer(p.findAlloc("u")) }
        #expect(sym.hasPrefix("unrollBuffer: dimension 0 of u has no positive constant size (it is n)"))
        let outside = try procedure("""
            @proc
            def out(x: i32[4] @ DRAM):
                t: i32[2] @ DRAM
                t[2] = 1
            """)
        #expect(scheduleError { _ = try outside.unrollBuffer(outside.findAlloc("t")) }
            .hasPrefix("unrollBuffer: the index 2 in dimension 0 of t is outside [0, 2)"))
    }
}
