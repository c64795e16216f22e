import Testing
@testable import Schedule
import TestSupport

/// rename, simplify, deletePass, bindExpr, inline, specialize.
@Suite struct StatementRewriteTests {
    let conv: Conv1dProcs
    init() throws { conv = try Conv1dProcs() }
    let x = Sym("x"), z = Sym("z"), i = Sym("i"), n = Sym("n")

    @Test func rename() throws {
        let p = Procedure(conv.proc)
        let p2 = try p.rename("conv1d_rvm")
        #expect(p2.name == "conv1d_rvm" && p2.ir.body == p.ir.body)
        #expect(p2.history == ["rename"])
        #expect(scheduleError { _ = try p.rename("1x") }.contains("rename: `1x` is not a valid name for a proc"))
    }

    @Test func simplifyNormalisesIndicesAndDropsConstantIfs() throws {
        // for i in seq(0, 4 + 4):
        //     z[i + 0 * n] = x[2 * i - i]
        //     if 3 < 4:
        //         z[0] = 1
        //     else:
        //         z[0] = 2
        let p = Procedure(makeProc("f", [size(n), tensor(x, i32(lit(8))), tensor(z, i32(lit(8)))]) {
            For(i, lit(0), lit(4) + lit(4)) {
                Assign(z, [v(i) + 0 * v(n)], read(x, 2 * v(i) - v(i)))
                If(lit(3) < lit(4)) { Assign(z, [lit(0)], lit(1)) } orelse: { Assign(z, [lit(0)], lit(2)) }
            }
        })
        let inThen = try p.find("z[_] = 1")
        let p2 = try p.simplify()
        #expect(p2.ir.body == [For(i, 0, 8) { Assign(z, [v(i)], read(x, v(i))); Assign(z, [lit(0)], lit(1)) }])
        #expect(try p2.forward(inThen).path == [TreeStep(block: 0, index: 0), TreeStep(block: 0, index: 1)])
        #expect(scheduleError { _ = try p2.forward(p.find("z[_] = 2")) }.contains("removed by simplify"))
    }

    @Test func simplifyUsesLoopRanges() throws {
        let p = Procedure(Scale().proc())
        let s = Scale()
        let p2 = try p.divideLoop(p.findLoop("i"), by: 4, newNames: ("io", "ii"), tail: .perfect)
        // Rewrite the store to z[(4 * io + ii) / 4 * 4 + (4 * io + ii) % 4] by hand and simplify back.
        let store = try p2.find("z[_] = _")
        let io = try p2.findLoop("io"), ii = try p2.findLoop("ii")
        guard case .loop(let ioSym, _, _, _) = try io.stmt.node, case .loop(let iiSym, _, _, _) = try ii.stmt.node else { return }
        let flat = 4 * v(ioSym) + v(iiSym)
        var ir = p2.ir
        ir.body = StatementTree.replacing(ir.body, owner: store.place.owner, block: 0, range: 0..<1,
                                          with: [Assign(s.z, [(flat / 4) * lit(4) + flat % 4], lit(0))])
        let p3 = try Procedure(ir).simplify()
        #expect(try StatementText.stmt(p3.find("z[_] = _").stmt) == "z[4 * io + ii] = 0")
    }

    @Test func deletePass() throws {
        let p = Procedure(makeProc("f", [size(n), tensor(z, i32(lit(4)))]) {
            For(i, 0, 4) { Pass }
            Assign(z, [lit(0)], lit(1))
            If(v(n) == 4) { Pass } orelse: { Assign(z, [lit(1)], lit(2)) }
            If(v(n) == 3) { Assign(z, [lit(2)], lit(2)) } orelse: { Pass }
            Pass
        })
        let store = try p.find("z[_] = 1")
        let p2 = try p.deletePass()
        #expect(p2.ir.body == [
            Assign(z, [lit(0)], lit(1)),
            If(v(n) == 4) { Pass } orelse: { Assign(z, [lit(1)], lit(2)) },
            If(v(n) == 3) { Assign(z, [lit(2)], lit(2)) },
        ])
        #expect(try p2.forward(store).path == [TreeStep(block: 0, index: 0)])
        let empty = Procedure(makeProc("g", []) { For(i, 0, 4) { Pass } })
        #expect(try empty.deletePass().ir.body == [Pass])
    }

    @Test func bindExpr() throws {
        let p = Procedure(conv.proc)
        let red = try p.find("out[_] += _")
        let p2 = try p.bindExpr(p.find("kernels[_]"), newName: "k")
        let k = Sym("k")
        let body = try p2.findLoop("r").body().stmts
        #expect(AlphaEquivalence.equivalentKeepingNames(Array(body[2...]), [
            Alloc(k, .scalar(.i32)),
            Assign(k, [], read(conv.kernels, v(conv.i), v(conv.c), v(conv.r))),
            Reduce(conv.out, [v(conv.i), v(conv.j)], v(k) * v(conv.y)),
        ]), "\(text(body))")
        #expect(try p2.forward(red).name == "out")
        #expect(try p2.forward(red).path.last == TreeStep(block: 0, index: 4))
    }

    @Test func bindExprRefusals() throws {
        let p = Procedure(conv.proc)
        #expect(scheduleError { _ = try p.bindExpr(p.find("j + r"), newName: "t") }
            .contains("expressions can only be bound in an assignment or reduction"))
        #expect(scheduleError { _ = try p.bindExpr(p.find("j + r #1"), newName: "t") }
            .contains("reads no data"))
        #expect(scheduleError { _ = try p.bindExpr([p.find("kernels[_]"), p.find("data[_]")], newName: "t") }
            .contains("not all in the same statement"))
    }

    /// def copy4(a: [i32][4], b: [i32][4]):
    ///     for k in seq(0, 4):
    ///         b[k] = a[k]
    /// def caller(x: i32[8], z: i32[8]):
    ///     for i in seq(0, 2):
    ///         copy4(x[4 * i:4 * i + 4], z[4 * i:4 * i + 4])
    @Test func inlineACall() throws {
        let a = Sym("a"), b = Sym("b"), k = Sym("k")
        let copy4 = makeProc("copy4", [tensor(a, i32Window(lit(4))), tensor(b, i32Window(lit(4)))]) {
            For(k, 0, 4) { Assign(b, [v(k)], read(a, v(k))) }
        }
        let slice = { (t: Sym) in window(t, .interval(4 * v(self.i), 4 * v(self.i) + 4)) }
        let p = Procedure(makeProc("caller", [tensor(x, i32(lit(8))), tensor(z, i32(lit(8)))]) {
            For(i, 0, 2) { Call(copy4, slice(x), slice(z)) }
        })
        let p2 = try p.inline(p.find("copy4(_)"))
        let k2 = Sym("k")
        #expect(AlphaEquivalence.equivalentKeepingNames(p2.ir.body, [For(i, 0, 2) { For(k2, 0, 4) {
            Assign(z, [4 * v(i) + v(k2)], read(x, 4 * v(i) + v(k2)))
        } }]), "\(text(p2))")
        // Inlining copies the callee's loop variable: the callee keeps its own.
        guard case .loop(let inlined, _, _, _) = try p2.findLoop("k").stmt.node else { return }
        #expect(inlined != k)
        let instr = makeProc("ld", [tensor(a, i32Window(lit(4)))], template: "ld {a}") { Pass }
        let q = Procedure(makeProc("g", [tensor(x, i32(lit(4)))]) { Call(instr, window(x, .interval(lit(0), lit(4)))) })
        #expect(scheduleError { _ = try q.inline(q.find("ld(_)")) }.contains("ld is an instruction"))
    }

    @Test func specialize() throws {
        let s = Scale()
        let p = Procedure(s.proc())
        let store = try p.find("z[_] = _")
        let p2 = try p.specialize(p.findLoop("i"), conditions: ["n == 16", "n < 8"])
        let i1 = Sym("i"), i2 = Sym("i"), i3 = Sym("i")
        let loop = { (i: Sym) in For(i, 0, v(s.n)) { Assign(s.z, [v(i)], read(s.x, v(i)) * lit(2)) } }
        #expect(AlphaEquivalence.equivalentKeepingNames(p2.ir.body, [
            If(v(s.n) == 16) { loop(i1) } orelse: { If(v(s.n) < 8) { loop(i2) } orelse: { loop(i3) } },
        ]), "\(text(p2))")
        #expect(try p2.forward(store).parent().parent().isIf)
        #expect(try p2.forward(store).parent().parent().path == [TreeStep(block: 0, index: 0)])
        #expect(scheduleError { _ = try p.specialize(p.findLoop("i"), conditions: ["m == 1"]) }.contains("`m` is not defined here"))
    }
}
