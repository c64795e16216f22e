import Testing
@testable import Schedule

/// Windows passed to calls, shapes, strides and callee preconditions.
@Suite struct CallBoundsTests: BoundsIRBuilding {
    /// @instr-like: def load4(dst: [i32][4, 4], src: [i32][4, 4]):
    ///     assert stride(src, 1) == 1
    ///     for a in seq(0, 4): for b in seq(0, 4): dst[a, b] = src[a, b]
    func load4() -> Proc {
        let dst = Sym("dst"), src = Sym("src"), a = Sym("a"), b = Sym("b")
        return Proc(name: "load4",
                    params: [tensor(dst, [lit(4), lit(4)], window: true), tensor(src, [lit(4), lit(4)], window: true)],
                    preconditions: [eq(stride(src, 1), lit(1))],
                    body: [loop(a, lit(0), lit(4), [loop(b, lit(0), lit(4), [
                        assign(dst, [v(a), v(b)], read(src, v(a), v(b))),
                    ])])])
    }

    /// def tiles(N: size, data: i32[4, N], t: i32[4, 4]):
    ///     for j in seq(0, N / 4): load4(t, data[0:4, lo(j):hi(j)])
    func tiles(lo: (Expr) -> Expr, hi: (Expr) -> Expr, precondition: [Expr] = [], windowAt loc: Schedule.SourceLocation = .unknown) -> Proc {
        let N = Sym("N"), data = Sym("data"), t = Sym("t"), j = Sym("j")
        return Proc(name: "tiles", params: [size(N), tensor(data, [lit(4), v(N)]), tensor(t, [lit(4), lit(4)])],
                    preconditions: precondition.map { $0.substituting([Sym("unused"): lit(0)]) },
                    body: [loop(j, lit(0), div(v(N), lit(4)), [
                        call(load4(), read(t), window(data, slice(lit(0), lit(4)), slice(lo(v(j)), hi(v(j))), at: loc), at: at(3, 9)),
                    ])])
    }

    @Test func windowInBoundsAndPreconditionHolds() throws {
        let p = tiles(lo: { lit(4) * $0 }, hi: { lit(4) * $0 + lit(4) })
        #expect(boundsError(p) == nil)
    }

    @Test func windowOutOfBounds() throws {
        let loc = at(3, 23)
        let p = tiles(lo: { lit(4) * $0 + lit(1) }, hi: { lit(4) * $0 + lit(5) }, windowAt: loc)
        let error = try #require(boundsError(p))
        #expect(error.location == loc)
        #expect(error.message.hasPrefix("data[0:4, 4 * j + 1:4 * j + 5]: interval 1 (4 * j + 1:4 * j + 5) may not lie within [0, N]: e.g. j = "))
        let values = exampleValues(error.message)
        let j = try #require(values["j"]), n = try #require(values["N"])
        #expect(0 <= j && j < n / 4 && 4 * j + 5 > n)
    }

    @Test func windowOfTheWrongShape() throws {
        let p = tiles(lo: { lit(4) * $0 }, hi: { lit(4) * $0 + lit(3) })
        let error = try #require(boundsError(p))
        #expect(error.message == "call of load4: argument src (data[0:4, 4 * j:4 * j + 3]) has dimension 1 of size 3 where load4 expects 4")
    }

    @Test func reversedIntervalIsRefused() throws {
        let p = tiles(lo: { lit(4) * $0 + lit(4) }, hi: { lit(4) * $0 })
        let error = try #require(boundsError(p))
        // Reversed in every iteration: a definite failure, no example needed.
        #expect(error.message == "data[0:4, 4 * j + 4:4 * j]: interval 1 (4 * j + 4:4 * j) does not lie within [0, N]")
    }

    /// Passing a column-major view: the window's dimension 1 is dimension 0 of
    /// `m: i32[4, K]` ... here a window of the rows of a 3-d tensor, whose
    /// innermost selected dimension has stride K, not 1.
    @Test func stridePreconditionFailsForNonUnitStride() throws {
        let K = Sym("K"), m = Sym("m"), t = Sym("t")
        let p = Proc(name: "g", params: [size(K), tensor(m, [lit(4), lit(4), v(K)]), tensor(t, [lit(4), lit(4)])],
                     preconditions: [ge(v(K), lit(1))],
                     body: [call(load4(), read(t), window(m, slice(lit(0), lit(4)), slice(lit(0), lit(4)), pt(lit(0))), at: at(7, 5))])
        let error = try #require(boundsError(p))
        #expect(error.location == at(7, 5))
        #expect(error.message.hasPrefix("call of load4: precondition stride(src, 1) == 1 (here K == 1) may fail: e.g. K = "))
        #expect((exampleValues(error.message)["K"] ?? 1) > 1)
    }

    /// A window argument of the caller has unknown strides; the caller's own
    /// precondition is what makes the callee's provable.
    @Test func stridePreconditionOfAWindowArgument() throws {
        let x = Sym("x"), t = Sym("t")
        func caller(_ pre: [Expr]) -> Proc {
            Proc(name: "h", params: [tensor(x, [lit(8), lit(8)], window: true), tensor(t, [lit(4), lit(4)])],
                 preconditions: pre,
                 body: [call(load4(), read(t), window(x, slice(lit(4), lit(8)), slice(lit(0), lit(4))))])
        }
        #expect(boundsError(caller([eq(stride(x, 1), lit(1))])) == nil)
        let error = try #require(boundsError(caller([])))
        #expect(error.message.hasPrefix("call of load4: precondition stride(src, 1) == 1 (here stride(x, 1) == 1) may fail: e.g. stride(x, 1) = "))
        let value = try #require(error.message.split(separator: "= ").last.flatMap { Int($0) })
        #expect(value > 1)
    }

    /// def f(n: size, x: [i32][n]): assert n % 4 == 0 ...
    /// called as f(m, z[0:m]) from g(m: size, z: i32[m]).
    @Test func calleePreconditionFailsAtTheCallSite() throws {
        let n = Sym("n"), x = Sym("x"), k = Sym("k")
        let f = Proc(name: "f", params: [size(n), tensor(x, [v(n)], window: true)],
                     preconditions: [eq(mod(v(n), lit(4)), lit(0))],
                     body: [loop(k, lit(0), div(v(n), lit(4)), [assign(x, [lit(4) * v(k) + lit(3)], lit(0))])])
        #expect(boundsError(f) == nil)

        let m = Sym("m"), z = Sym("z")
        func g(_ pre: [Expr]) -> Proc {
            Proc(name: "g", params: [size(m), tensor(z, [v(m)])], preconditions: pre,
                 body: [call(f, v(m), window(z, slice(lit(0), v(m))), at: at(12, 5))])
        }
        let error = try #require(boundsError(g([])))
        #expect(error.location == at(12, 5))
        #expect(error.message.hasPrefix("call of f: precondition n % 4 == 0 (here m % 4 == 0) may fail: e.g. m = "))
        #expect((exampleValues(error.message)["m"] ?? 0) % 4 != 0)
        // A stronger precondition of the caller implies the callee's.
        #expect(boundsError(g([eq(mod(v(m), lit(8)), lit(0))])) == nil)
    }

    @Test func sizeArgumentMustBeNonNegativeAndMatchTheWindow() throws {
        let n = Sym("n"), x = Sym("x")
        let f = Proc(name: "f", params: [size(n), tensor(x, [v(n)], window: true)], body: [])
        let m = Sym("m"), z = Sym("z")
        // f(m - 1, z[0:m]): the size may be negative, and the window is one element longer than f expects.
        let g = Proc(name: "g", params: [size(m), tensor(z, [v(m)])],
                     body: [call(f, v(m) - lit(1), window(z, slice(lit(0), v(m))))])
        let found = try BoundsChecker().violations(in: g)
        #expect(found.map(\.message) == [
            "call of f: size argument n (m - 1) may be negative: e.g. m = 0",
            "call of f: argument x (z[0:m]) has dimension 0 of size m where f expects m - 1",  // for every m
        ])
    }

    @Test func windowStatementShapesLaterAccesses() throws {
        let x = Sym("x"), w = Sym("w"), i = Sym("i"), k = Sym("k")
        func proc(_ width: Int) -> Proc {
            Proc(name: "f", params: [tensor(x, [lit(4), lit(16)])], body: [
                loop(i, lit(0), lit(4), [
                    bindWindow(w, window(x, pt(v(i)), slice(lit(8), lit(8 + width)))),
                    loop(k, lit(0), lit(8), [assign(w, [v(k)], lit(1), at: at(4, 9))]),
                ]),
            ])
        }
        #expect(boundsError(proc(8)) == nil)
        let error = try #require(boundsError(proc(7)))
        #expect(error.location == at(4, 9))
        #expect(error.message == "w[k]: index 0 (k) may be out of bounds [0, 7): e.g. k = 7")
    }
}
