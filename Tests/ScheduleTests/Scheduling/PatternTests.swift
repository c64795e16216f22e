import Testing
@testable import Schedule

@Suite struct PatternTests {
    let conv: Conv1dProcs
    init() throws { conv = try Conv1dProcs() }
    var p: Procedure { Procedure(conv.proc) }

    @Test func findsLoopsByName() throws {
        let c = try p.findLoop("c")
        #expect(try c.name == "c")
        #expect(c.path == [TreeStep(block: 0, index: 0), TreeStep(block: 0, index: 0), TreeStep(block: 0, index: 1)])
        #expect(try p.find("for r in _: _").name == "r")
        #expect(try p.find("for j in seq(0, 16): _").name == "j")
    }

    @Test func numbersMatchesFromZero() throws {
        let p = Procedure(makeProc("two", []) {
            For(Sym("i"), 0, 4) { Pass }
            For(Sym("i"), 0, 8) { Pass }
        })
        #expect(try p.findLoop("i").hi().value == 4)
        #expect(try p.findLoop("i #1").hi().value == 8)
        #expect(try p.find("for i in _: _ #1").hi().value == 8)
        #expect(try p.findAll("for i in _: _").count == 2)
        let missing = scheduleError { _ = try p.findLoop("i #2") }
        #expect(missing == "find: pattern `for i in _: _ #2` asks for match #2, but two has 2 matches (#0 to #1)")
    }

    @Test func findsAllocationsAssignmentsAndReductions() throws {
        #expect(try p.find("y : _").isAlloc)
        #expect(try p.findAlloc("y").name == "y")
        let load = try p.find("y = data[_]")
        guard case .assign(_, _, let rhs) = try load.stmt.node else { Issue.record("not an assignment"); return }
        #expect(StatementText.expr(rhs) == "data[c, j + r]")
        #expect(try p.find("y = _ #1").stmt == Assign(conv.y, [], lit(0)))
        #expect(try p.find("out[_] += _").name == "out")
        #expect(try p.find("out[_] = _").stmt == Assign(conv.out, [v(conv.i), v(conv.j)], lit(0)))
        #expect(try p.find("if _: _").isIf)
    }

    @Test func findsExpressionsAndSequences() throws {
        let e = try p.find("j + r")
        #expect(e.kind == .expression)
        #expect(try e.expr == v(conv.j) + v(conv.r))
        #expect(try p.findAll("j + r").count == 2)   // the condition and the index
        let seq = try p.find("y : _; if _: _")
        #expect(seq.kind == .block)
        #expect(try seq.stmts.count == 2)
        #expect(try p.find("kernels[_] * y").kind == .expression)
    }

    @Test func reportsBadPatterns() {
        #expect(scheduleError { _ = try p.find("for in _: _") }.contains("expected `in`, found `_`"))
        #expect(scheduleError { _ = try p.find("for : _") }.contains("expected a loop variable"))
        #expect(scheduleError { _ = try p.find("_") }.contains("match anything"))
        #expect(scheduleError { _ = try p.find("y = $") }.contains("unexpected character"))
        #expect(scheduleError { _ = try p.find("for i in _: _ #x") }.contains("match number"))
    }
}
