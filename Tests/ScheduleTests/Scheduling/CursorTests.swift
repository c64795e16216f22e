import Testing
@testable import Schedule

@Suite struct CursorTests {
    let conv: Conv1dProcs
    init() throws { conv = try Conv1dProcs() }
    var p: Procedure { Procedure(conv.proc) }

    @Test func navigatesTheTree() throws {
        let r = try p.findLoop("r")
        #expect(try r.parent().name == "c")
        #expect(try r.parent().parent().name == "j")
        let body = try r.body()
        #expect(body.kind == .block)
        #expect(try body.stmts.count == 3)
        #expect(try body[0].isAlloc)
        #expect(try body[1].next().name == "out")
        #expect(try body[2].prev().isIf)
        #expect(try body[0].next(2).name == "out")
        let zero = try p.find("out[_] = _")
        #expect(try zero.next().name == "c")
        #expect(scheduleError { _ = try zero.prev() }.contains("has no statement 1 before it"))
        #expect(scheduleError { _ = try p.findLoop("i").parent() }.contains("top level"))
    }

    @Test func gapsAndExpansion() throws {
        let zero = try p.find("out[_] = _")
        let gap = try zero.after()
        #expect(gap.kind == .gap)
        #expect(try gap.next().name == "c")
        #expect(try gap.prev().name == "out")
        #expect(try zero.before().next().name == "out")
        let both = try zero.expand(0, 1)
        #expect(try both.stmts.count == 2)
        #expect(try zero.expand().stmts.count == 2)
        #expect(scheduleError { _ = try zero.expand(1, 0) }.contains("cannot expand"))
    }

    @Test func loopPartsAndLiterals() throws {
        let j = try p.findLoop("j")
        #expect(try j.lo().value == 0)
        #expect(try j.hi().value == 16)
        let cond = try p.find("if _: _").cond()
        #expect(try StatementText.expr(cond.expr) == "j + r < 16")
        #expect(try cond.children()[1].value == 16)
        #expect(try cond.children()[0].parent().expr == cond.expr)
        #expect(try p.find("out[_] += _").rhs().expr == read(conv.kernels, v(conv.i), v(conv.c), v(conv.r)) * v(conv.y))
        #expect(scheduleError { _ = try cond.value }.contains("not an integer literal"))
    }

    @Test func cursorsFromAnotherProcAreRejected() throws {
        let other = Procedure(conv.proc)
        let c = try other.findLoop("i")
        #expect(scheduleError { _ = try p.forward(c) }.contains("does not come from"))
    }
}
