import Testing
@testable import Schedule

/// reorderLoops, reorderStmts, fission, liftScope: the rewrites that need the effects analysis.
@Suite struct ReorderTests {
    let conv: Conv1dProcs
    init() throws { conv = try Conv1dProcs() }

    @Test func reorderCommutingLoops() throws {
        let p = Procedure(conv.proc)
        let c = try p.findLoop("c"), y = try p.findAlloc("y")
        let p2 = try p.reorderLoops(c)
        let inner = try p2.findLoop("j").body()[1]
        #expect(try inner.name == "r")
        #expect(try inner.body()[0].name == "c")
        #expect(try inner.body()[0].body().stmts == p.findLoop("r").body().stmts)
        // Cursors follow their loop; the body stays where it was.
        #expect(try p2.forward(c).parent().name == "r")
        #expect(try p2.forward(y).parent().name == "c")
        // The same by names.
        #expect(try p.reorderLoops("c r").ir.body == p2.ir.body)
    }

    /// for i in seq(1, 8):
    ///     for j in seq(0, 7):
    ///         x[i, j] = x[i - 1, j + 1]
    @Test func reorderRefusedWhenBodiesDoNotCommute() throws {
        let x = Sym("x"), i = Sym("i"), j = Sym("j")
        let p = Procedure(makeProc("skew", [tensor(x, i32(lit(8), lit(8)))]) {
            For(i, 1, 8) { For(j, 0, 7) { Assign(x, [v(i), v(j)], read(x, v(i) - 1, v(j) + 1)) } }
        })
        let msg = scheduleError { _ = try p.reorderLoops(p.findLoop("i")) }
        #expect(msg.hasPrefix("reorderLoops: the loop bodies do not commute across iterations (i < i', j' < j)"))
        #expect(msg.contains("""
              applied to:
                > for i in seq(1, 8):
                >     for j in seq(0, 7):
                >         x[i, j] = x[i - 1, j + 1]
              conflicting accesses:
            """))
        #expect(msg.contains("write x[i, j] in `x[i, j] = x[i - 1, j + 1]`"))
        #expect(msg.contains("read x[i' - 1, j' + 1]"))
        #expect(msg.contains("they overlap, e.g. when"))
        // The same nest without the skew commutes.
        let q = Procedure(makeProc("copy", [tensor(x, i32(lit(8), lit(8)))]) {
            For(i, 1, 8) { For(j, 0, 7) { Assign(x, [v(i), v(j)], read(x, v(i) - 1, v(j))) } }
        })
        #expect(try q.reorderLoops(q.findLoop("i")).findLoop("j").path == [TreeStep(block: 0, index: 0)])
    }

    @Test func reorderLoopsNeedsAPerfectNest() throws {
        let p = Procedure(conv.proc)
        #expect(scheduleError { _ = try p.reorderLoops(p.findLoop("j")) }.contains("the outer loop's body is not a single loop"))
        let i = Sym("i"), j = Sym("j"), z = Sym("z")
        let tri = Procedure(makeProc("tri", [tensor(z, i32(lit(4), lit(4)))]) {
            For(i, 0, 4) { For(j, lit(0), v(i)) { Assign(z, [v(i), v(j)], lit(0)) } }
        })
        #expect(scheduleError { _ = try tri.reorderLoops(tri.findLoop("i")) }.contains("the inner loop's bounds depend on i"))
    }

    @Test func reorderStatements() throws {
        let a = Sym("a"), b = Sym("b"), x = Sym("x")
        let p = Procedure(makeProc("two", [tensor(a, i32(lit(4))), tensor(b, i32(lit(4))), tensor(x, i32(lit(4)))]) {
            Assign(a, [lit(0)], read(x, lit(0)))
            Assign(b, [lit(1)], read(x, lit(0)))
            Assign(x, [lit(1)], read(a, lit(0)))
        })
        let first = try p.find("a[_] = _"), second = try p.find("b[_] = _")
        let p2 = try p.reorderStmts(first.expand(0, 1))
        #expect(p2.ir.body == [p.ir.body[1], p.ir.body[0], p.ir.body[2]])
        #expect(try p2.forward(first).path == [TreeStep(block: 0, index: 1)])
        #expect(try p2.forward(second).path == [TreeStep(block: 0, index: 0)])
        // In the original order, b[1] = x[0] and x[1] = a[0] touch distinct elements of x: they commute.
        let p3 = try p.reorderStmts(second, p.find("x[_] = _"))
        #expect(p3.ir.body == [p.ir.body[0], p.ir.body[2], p.ir.body[1]])
        // a[0] = x[0] then x[1] = a[0]: a[0] flows from one to the other.
        let msg = scheduleError { _ = try p3.reorderStmts(p3.find("a[_] = _"), p3.find("x[_] = _")) }
        #expect(msg.hasPrefix("reorderStmts: the statements do not commute"))
        #expect(msg.contains("write a[0] in `a[0] = x[0]`") && msg.contains("read a[0] in `x[1] = a[0]`"))
        #expect(msg.contains("they always overlap"))
    }

    @Test func reorderStatementsOfConv1dIsRefused() throws {
        let p = Procedure(conv.proc)
        let msg = scheduleError { _ = try p.reorderStmts(p.find("out[_] = _").expand(0, 1)) }
        #expect(msg.contains("write out[i, j] in `out[i, j] = 0`"))
        #expect(msg.contains("reduce out[i, j] in `for c in seq(0, 4):`"))
        #expect(msg.contains("both access the same") || msg.contains("overlap"))
    }

    @Test func fissionSplitsTheZeroingOut() throws {
        let p = Procedure(conv.proc)
        let zero = try p.find("out[_] = _"), red = try p.find("out[_] += _")
        let p2 = try p.fission(zero.after(), nLifts: 2)
        #expect(text(p2).hasPrefix("""
            for i in seq(0, 16):
                for j in seq(0, 16):
                    out[i, j] = 0
            for i in seq(0, 16):
                for j in seq(0, 16):
                    for c in seq(0, 4):
            """))
        #expect(p2.ir.body.count == 2)
        #expect(try p2.forward(zero).path == [TreeStep(block: 0, index: 0), TreeStep(block: 0, index: 0), TreeStep(block: 0, index: 0)])
        #expect(try StatementText.stmt(p2.forward(red).stmt) == "out[i, j] += kernels[i, c, r] * y")
        #expect(try p2.forward(red).parent().parent().parent().parent().path == [TreeStep(block: 0, index: 1)])
        // The two halves use distinct loop variables.
        guard case .loop(let i1, _, _, _) = p2.ir.body[0].node, case .loop(let i2, _, _, _) = p2.ir.body[1].node else { return }
        #expect(i1 != i2)
    }

    /// for i in seq(0, 8):
    ///     a[i] = x[i]
    ///     x[i + 1] = a[i]
    @Test func fissionThatBreaksADependenceIsRefused() throws {
        let a = Sym("a"), x = Sym("x"), i = Sym("i")
        let p = Procedure(makeProc("chain", [tensor(a, i32(lit(9))), tensor(x, i32(lit(9)))]) {
            For(i, 0, 8) {
                Assign(a, [v(i)], read(x, v(i)))
                Assign(x, [v(i) + 1], read(a, v(i)))
            }
        })
        let msg = scheduleError { _ = try p.fission(p.find("a[_] = _").after()) }
        #expect(msg.hasPrefix("fission: it breaks a dependence"))
        #expect(msg.contains("write x[i + 1] in `x[i + 1] = a[i]`"))
        #expect(msg.contains("read x[i'] in `a[i] = x[i]`"))
        #expect(msg.contains("they overlap, e.g. when i = 0, i' = 1"))
    }

    @Test func fissionNeedsSharedAllocationsLifted() throws {
        let p = Procedure(conv.proc)
        let msg = scheduleError { _ = try p.fission(p.findAlloc("y").after()) }
        #expect(msg.contains("y is defined before the gap and used after it; lift its allocation first"))
        let edge = scheduleError { _ = try p.fission(p.findAlloc("y").before()) }
        #expect(edge.contains("the gap is at the edge of the body"))
    }

    @Test func fissionOfAnIf() throws {
        let z = Sym("z"), n = Sym("n")
        let p = Procedure(makeProc("f", [size(n), tensor(z, i32(lit(4)))]) {
            If(v(n) == 4) { Assign(z, [lit(0)], lit(1)); Assign(z, [lit(1)], lit(2)) } orelse: { Assign(z, [lit(2)], lit(3)) }
        })
        let p2 = try p.fission(p.find("z[_] = 1").after())
        #expect(p2.ir.body == [
            If(v(n) == 4) { Assign(z, [lit(0)], lit(1)) },
            If(v(n) == 4) { Assign(z, [lit(1)], lit(2)) } orelse: { Assign(z, [lit(2)], lit(3)) },
        ])
    }

    @Test func liftScopeOfAnIfOutOfALoop() throws {
        let z = Sym("z"), x = Sym("x"), n = Sym("n"), i = Sym("i")
        let p = Procedure(makeProc("f", [size(n), tensor(x, i32(lit(4))), tensor(z, i32(lit(4)))]) {
            For(i, 0, 4) { If(v(n) == 4) { Assign(z, [v(i)], read(x, v(i))) } }
        })
        let store = try p.find("z[_] = _"), cond = try p.find("if _: _")
        let p2 = try p.liftScope(cond)
        #expect(p2.ir.body == [If(v(n) == 4) { For(i, 0, 4) { Assign(z, [v(i)], read(x, v(i))) } }])
        #expect(try p2.forward(cond).path == [TreeStep(block: 0, index: 0)])
        #expect(try p2.forward(store).parent().name == "i")
        // And back: the loop out of the if.
        let p3 = try p2.liftScope(p2.findLoop("i"))
        #expect(p3.ir.body == p.ir.body)
        // A condition on the loop variable cannot leave the loop.
        let q = Procedure(makeProc("g", [tensor(z, i32(lit(4)))]) { For(i, 0, 4) { If(v(i) < 2) { Assign(z, [v(i)], lit(0)) } } })
        #expect(scheduleError { _ = try q.liftScope(q.find("if _: _")) }.contains("the condition depends on the loop variable i"))
    }

    @Test func liftScopeSwapsNestedIfs() throws {
        let z = Sym("z"), n = Sym("n"), m = Sym("m")
        let p = Procedure(makeProc("f", [size(n), size(m), tensor(z, i32(lit(4)))]) {
            If(v(n) == 4) { If(v(m) == 2) { Assign(z, [lit(0)], lit(1)) } }
        })
        let p2 = try p.liftScope(p.find("if m == 2: _"))
        #expect(p2.ir.body == [If(v(m) == 2) { If(v(n) == 4) { Assign(z, [lit(0)], lit(1)) } }])
    }
}
