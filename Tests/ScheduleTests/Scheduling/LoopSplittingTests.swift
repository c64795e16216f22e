import Testing
@testable import Schedule
import TestSupport

/// divideLoop, cutLoop, unrollLoop, removeLoop.
@Suite struct LoopSplittingTests {
    let s = Scale()

    @Test func perfectDivideProvesDivisibilityFromThePrecondition() throws {
        let p = Procedure(s.proc())
        let p2 = try p.divideLoop(p.findLoop("i"), by: 4, newNames: ("io", "ii"), tail: .perfect)
        // for io in seq(0, n / 4):
        //     for ii in seq(0, 4):
        //         z[4 * io + ii] = x[4 * io + ii] * 2
        let io = Sym("io"), ii = Sym("ii")
        let idx = 4 * v(io) + v(ii)
        let expected: [Stmt] = [For(io, 0, v(s.n) / 4) { For(ii, 0, 4) { Assign(s.z, [idx], read(s.x, idx) * lit(2)) } }]
        #expect(AlphaEquivalence.equivalentKeepingNames(p2.ir.body, expected), "\(text(p2))")
        #expect(text(p2) == """
            for io in seq(0, n / 4):
                for ii in seq(0, 4):
                    z[4 * io + ii] = x[4 * io + ii] * 2
            """)
    }

    @Test func perfectDivideThatDoesNotDivideIsRefused() throws {
        let p = Procedure(s.proc(divisible: false))
        let msg = scheduleError { _ = try p.divideLoop(p.findLoop("i"), by: 4, newNames: ("io", "ii"), tail: .perfect) }
        #expect(msg.hasPrefix("divideLoop: the trip count n is not provably divisible by 4"))
        #expect(msg.contains("for i in seq(0, n):"))
        let q = Procedure(makeProc("c", [tensor(s.z, i32(lit(18)))]) { For(s.i, 0, 18) { Assign(s.z, [v(s.i)], lit(0)) } })
        let msg2 = scheduleError { _ = try q.divideLoop(q.findLoop("i"), by: 4, newNames: ("io", "ii"), tail: .perfect) }
        #expect(msg2.contains("`18 % 4 == 0` is false"))
    }

    @Test func guardedDivide() throws {
        let p = Procedure(s.proc(divisible: false))
        let p2 = try p.divideLoop(p.findLoop("i"), by: 4, newNames: ("io", "ii"), tail: .guard)
        let io = Sym("io"), ii = Sym("ii")
        let idx = 4 * v(io) + v(ii)
        let expected: [Stmt] = [For(io, 0, (v(s.n) + 3) / 4) { For(ii, 0, 4) {
            If(idx < v(s.n)) { Assign(s.z, [idx], read(s.x, idx) * lit(2)) }
        } }]
        #expect(AlphaEquivalence.equivalentKeepingNames(p2.ir.body, expected), "\(text(p2))")
    }

    @Test func cutDivideRunsTheRemainderInASecondLoop() throws {
        let p = Procedure(s.proc(divisible: false))
        let p2 = try p.divideLoop(p.findLoop("i"), by: 4, newNames: ("io", "ii"), tail: .cut)
        #expect(text(p2) == """
            for io in seq(0, n / 4):
                for ii in seq(0, 4):
                    z[4 * io + ii] = x[4 * io + ii] * 2
            for ii in seq(0, n % 4):
                z[4 * (n / 4) + ii] = x[4 * (n / 4) + ii] * 2
            """)
        // The two ii loops are different variables.
        let loops = try p2.findAll("for ii in _: _").map { try $0.stmt }
        guard case .loop(let a, _, _, _) = loops[0].node, case .loop(let b, _, _, _) = loops[1].node else { return }
        #expect(a != b)
    }

    @Test func divideForwardsCursors() throws {
        let p = Procedure(s.proc())
        let loop = try p.findLoop("i"), store = try p.find("z[_] = _")
        let p2 = try p.divideLoop(loop, by: 4, newNames: ("io", "ii"), tail: .guard)
        #expect(try p2.forward(loop).name == "io")
        let moved = try p2.forward(store)
        #expect(try moved.parent().isIf)
        #expect(try moved.parent().parent().name == "ii")
        #expect(try moved.stmt == p2.find("z[_] = _").stmt)
        // An old cursor can be passed straight to a later rewrite.
        let p3 = try p2.divideLoop(loop, by: 2, newNames: ("ioo", "ioi"), tail: .guard)
        #expect(try p3.forward(store).parent().parent().name == "ii")
        #expect(try p3.forward(loop).name == "ioo")
    }

    @Test func divideNeedsALoopFromZero() throws {
        let p = Procedure(makeProc("f", [tensor(s.z, i32(lit(8)))]) { For(s.i, 2, 8) { Assign(s.z, [v(s.i)], lit(0)) } })
        let msg = scheduleError { _ = try p.divideLoop(p.findLoop("i"), by: 2, newNames: ("a", "b")) }
        #expect(msg.contains("expected the loop to start at 0, it starts at 2"))
    }

    @Test func cutLoop() throws {
        let p = Procedure(makeProc("f", [tensor(s.z, i32(lit(16)))]) { For(s.i, 0, 16) { Assign(s.z, [v(s.i)], lit(0)) } })
        let store = try p.find("z[_] = _")
        let p2 = try p.cutLoop(p.findLoop("i"), at: 4)
        let i2 = Sym("i")
        #expect(AlphaEquivalence.equivalentKeepingNames(p2.ir.body, [
            For(s.i, 0, 4) { Assign(s.z, [v(s.i)], lit(0)) },
            For(i2, 4, 16) { Assign(s.z, [v(i2)], lit(0)) },
        ]), "\(text(p2))")
        #expect(try p2.forward(store).parent().hi().value == 4)
        let msg = scheduleError { _ = try p.cutLoop(p.findLoop("i"), at: 20) }
        #expect(msg.hasPrefix("cutLoop: the cut point 20 is not provably within [0, 16]"))
        // A symbolic cut point resolved by name.
        let q = Procedure(s.proc())
        let q2 = try q.cutLoop(q.findLoop("i"), at: "n - n")
        #expect(text(q2).hasPrefix("for i in seq(0, 0):"))
    }

    @Test func unrollLoop() throws {
        let p = Procedure(makeProc("f", [tensor(s.x, i32(lit(3))), tensor(s.z, i32(lit(3)))]) {
            For(s.i, 0, 3) { Assign(s.z, [v(s.i)], read(s.x, v(s.i))) }
        })
        let loop = try p.findLoop("i"), store = try p.find("z[_] = _")
        let p2 = try p.unrollLoop(loop)
        #expect(p2.ir.body == [Assign(s.z, [lit(0)], read(s.x, lit(0))), Assign(s.z, [lit(1)], read(s.x, lit(1))),
                               Assign(s.z, [lit(2)], read(s.x, lit(2)))])
        #expect(try p2.forward(store).stmt == Assign(s.z, [lit(0)], read(s.x, lit(0))))
        #expect(scheduleError { _ = try p2.forward(loop) }.contains("cursor target was removed by unrollLoop"))
        let q = Procedure(s.proc())
        #expect(scheduleError { _ = try q.unrollLoop(q.findLoop("i")) }.contains("unrollLoop: the loop bounds are not constants"))
    }

    @Test func unrollGivesEachCopyItsOwnVariables() throws {
        let k = Sym("k"), t = Sym("t")
        let p = Procedure(makeProc("f", [tensor(s.z, i32(lit(2), lit(2)))]) {
            For(s.i, 0, 2) { Alloc(t, .scalar(.i32)); For(k, 0, 2) { Assign(s.z, [v(s.i), v(k)], lit(0)) } }
        })
        let p2 = try p.unrollLoop(p.findLoop("i"))
        let t1 = Sym("t"), k1 = Sym("k")
        #expect(AlphaEquivalence.equivalentKeepingNames(p2.ir.body, [
            Alloc(t, .scalar(.i32)), For(k, 0, 2) { Assign(s.z, [lit(0), v(k)], lit(0)) },
            Alloc(t1, .scalar(.i32)), For(k1, 0, 2) { Assign(s.z, [lit(1), v(k1)], lit(0)) },
        ]), "\(text(p2))")
    }

    @Test func removeLoop() throws {
        let k = Sym("k")
        let p = Procedure(makeProc("f", [tensor(s.x, i32(lit(4))), tensor(s.z, i32(lit(4)))]) {
            For(k, 0, 4) { Assign(s.z, [lit(0)], read(s.x, lit(1))) }
        })
        let store = try p.find("z[_] = _")
        let p2 = try p.removeLoop(p.findLoop("k"))
        #expect(p2.ir.body == [Assign(s.z, [lit(0)], read(s.x, lit(1)))])
        #expect(try p2.forward(store).path == [TreeStep(block: 0, index: 0)])
    }

    @Test func removeLoopRefusals() throws {
        let k = Sym("k")
        func proc(_ body: Stmt, hi: Expr = lit(4)) -> Procedure {
            Procedure(makeProc("f", [size(s.n), tensor(s.x, i32(lit(4))), tensor(s.z, i32(lit(4)))]) {
                For(k, lit(0), hi) { body }
            })
        }
        let usesK = proc(Assign(s.z, [v(k)], lit(0)))
        #expect(scheduleError { _ = try usesK.removeLoop(usesK.findLoop("k")) }.contains("the body uses the loop variable k"))
        let reduces = proc(Reduce(s.z, [lit(0)], lit(1)))
        let m1 = scheduleError { _ = try reduces.removeLoop(reduces.findLoop("k")) }
        #expect(m1.contains("the body is not idempotent") && m1.contains("it reduces into z[0]"))
        let feedsBack = proc(Assign(s.z, [lit(0)], read(s.z, lit(0)) * lit(2)))
        let m2 = scheduleError { _ = try feedsBack.removeLoop(feedsBack.findLoop("k")) }
        #expect(m2.contains("may read what it writes") && m2.contains("write z[0]") && m2.contains("read z[0]"))
        let maybeEmpty = proc(Assign(s.z, [lit(0)], lit(1)), hi: v(s.n))
        #expect(scheduleError { _ = try maybeEmpty.removeLoop(maybeEmpty.findLoop("k")) }
            .contains("the loop is not provably run at least once"))
    }
}
