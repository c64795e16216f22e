import Testing
@testable import Schedule

/// liftAlloc, sinkAlloc, expandDim, setMemory.
@Suite struct AllocationTests {
    let conv: Conv1dProcs
    init() throws { conv = try Conv1dProcs() }

    @Test func liftAllocOutOfTheInnerLoops() throws {
        let p = Procedure(conv.proc)
        let y = try p.findAlloc("y"), red = try p.find("out[_] += _")
        let p2 = try p.liftAlloc(y)
        let c = try p2.findLoop("c")
        #expect(try c.body()[0].stmt == Alloc(conv.y, .scalar(.i32)))
        #expect(try c.body()[1].name == "r")
        #expect(try p2.forward(y).path == c.body()[0].path)
        #expect(try p2.forward(red).parent().name == "r")
        #expect(try p2.forward(red).stmt == p.find("out[_] += _").stmt)
        // Four lifts take it to the top of the proc.
        let p3 = try p.liftAlloc(y, nLifts: 4)
        #expect(p3.ir.body[0] == Alloc(conv.y, .scalar(.i32)))
        #expect(try p3.forward(y).path == [TreeStep(block: 0, index: 0)])
        #expect(scheduleError { _ = try p.liftAlloc(y, nLifts: 5) }.contains("cannot lift the allocation out of the proc body"))
    }

    @Test func liftAllocRefusesASizeThatDependsOnTheLoop() throws {
        let i = Sym("i"), t = Sym("t")
        let p = Procedure(makeProc("f", []) { For(i, 1, 4) { Alloc(t, i32(v(i))) } })
        let msg = scheduleError { _ = try p.liftAlloc(p.findAlloc("t")) }
        #expect(msg.hasPrefix("liftAlloc: the allocation's size depends on the loop variable i"))
        #expect(msg.contains("t: i32[i] @ DRAM"))
    }

    @Test func sinkAllocUndoesALift() throws {
        let p = Procedure(conv.proc)
        let lifted = try p.liftAlloc(p.findAlloc("y"))
        let sunk = try lifted.sinkAlloc(lifted.findAlloc("y"))
        #expect(sunk.ir.body == p.ir.body)
        #expect(try sunk.forward(p.findAlloc("y")).path == p.findAlloc("y").path)
    }

    /// acc: i32
    /// for i in seq(0, 4):
    ///     acc += x[i]
    /// z[0] = acc            (only in the second variant)
    @Test func sinkAllocRefusals() throws {
        let acc = Sym("acc"), i = Sym("i"), x = Sym("x"), z = Sym("z")
        let params = [tensor(x, i32(lit(4))), tensor(z, i32(lit(4)))]
        let carried = Procedure(makeProc("f", params) {
            Alloc(acc, .scalar(.i32))
            For(i, 0, 4) { Reduce(acc, [], read(x, v(i))) }
        })
        let m1 = scheduleError { _ = try carried.sinkAlloc(carried.findAlloc("acc")) }
        #expect(m1.hasPrefix("sinkAlloc: a value of acc written in one iteration may be read in a later one"))
        #expect(m1.contains("reduce acc in `acc += x[i]`"))
        let usedAfter = Procedure(makeProc("g", params) {
            Alloc(acc, .scalar(.i32))
            For(i, 0, 4) { Assign(acc, [], read(x, v(i))) }
            Assign(z, [lit(0)], v(acc))
        })
        let m2 = scheduleError { _ = try usedAfter.sinkAlloc(usedAfter.findAlloc("acc")) }
        #expect(m2.contains("acc is used after the statement it would sink into") && m2.contains("used in `z[0] = acc`"))
        // A buffer whose elements are private to each iteration sinks.
        let t = Sym("t")
        let perElement = Procedure(makeProc("h", params) {
            Alloc(t, i32(lit(4)))
            For(i, 0, 4) { Assign(t, [v(i)], read(x, v(i))); Assign(z, [v(i)], read(t, v(i))) }
        })
        let sunk = try perElement.sinkAlloc(perElement.findAlloc("t"))
        #expect(try sunk.findLoop("i").body()[0].isAlloc)
    }

    @Test func expandDimGivesEachIterationItsOwnElement() throws {
        let p = Procedure(conv.proc)
        let p2 = try p.expandDim(p.findAlloc("y"), 4, "r")
        #expect(try text(p2.findLoop("r").body().stmts) == """
            y: i32[4] @ DRAM
            if j + r < 16:
                y[r] = data[c, j + r]
            else:
                y[r] = 0
            out[i, j] += kernels[i, c, r] * y[r]
            """)
        // Then it can be lifted out of r and expanded again by c.
        let p3 = try p2.liftAlloc(p2.findAlloc("y"))
        let p4 = try p3.expandDim(p3.findAlloc("y"), "4", "c")
        #expect(try p4.findAlloc("y").stmt == Alloc(conv.y, i32(lit(4), lit(4))))
        #expect(try StatementText.stmt(p4.find("out[_] += _").stmt) == "out[i, j] += kernels[i, c, r] * y[c, r]")
    }

    @Test func expandDimRefusesAnIndexOutOfRange() throws {
        let p = Procedure(conv.proc)
        let msg = scheduleError { _ = try p.expandDim(p.findAlloc("y"), 4, "r + 1") }
        #expect(msg.hasPrefix("expandDim: the index r + 1 is not provably within [0, 4)"))
        #expect(msg.contains("fails when") && msg.contains("r = 3"))
        let msg2 = scheduleError { _ = try p.expandDim(p.findAlloc("y"), "r", "0") }
        #expect(msg2.contains("the new size may only use sizes and constants, not r"))
        let msg3 = scheduleError { _ = try p.expandDim(p.findAlloc("y"), 4, "q") }
        #expect(msg3.contains("`q` is not defined here"))
    }

    @Test func setMemory() throws {
        let p = Procedure(conv.proc)
        let y = try p.findAlloc("y")
        let p2 = try p.setMemory(y, "DRAM_STATIC")
        #expect(try p2.forward(y).stmt == Alloc(conv.y, .scalar(.i32), "DRAM_STATIC"))
        #expect(scheduleError { _ = try p.setMemory(p.findLoop("i"), "RVM_TILE") }.contains("setMemory: expected an allocation"))
    }
}
