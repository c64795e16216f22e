import Testing
@testable import Schedule

/// Preconditions, allocations, short-circuit guards and untranslatable indices.
@Suite struct PreconditionBoundsTests: BoundsIRBuilding {
    let n = Sym("n"), x = Sym("x"), i = Sym("i")

    /// def f(n: size, x: i32[n]):
    ///     assert n % 4 == 0
    ///     for i in seq(0, n / 4): x[4 * i + 3] = 0
    @Test func stridedAccessUnderDivisibilityPrecondition() {
        let p = Proc(name: "f", params: [size(n), tensor(x, [v(n)])],
                     preconditions: [eq(mod(v(n), lit(4)), lit(0))],
                     body: [loop(i, lit(0), div(v(n), lit(4)), [assign(x, [lit(4) * v(i) + lit(3)], lit(0))])])
        #expect(boundsError(p) == nil)
    }

    /// Splitting a vector into rows of 4 needs the precondition:
    /// def f(n: size, x: i32[n], y: i32[n / 4, 4]):
    ///     assert n % 4 == 0
    ///     for i in seq(0, n): y[i / 4, i % 4] = x[i]
    @Test func reshapeIsInBoundsOnlyUnderThePrecondition() throws {
        let y = Sym("y")
        func proc(_ pre: [Expr]) -> Proc {
            Proc(name: "f", params: [size(n), tensor(x, [v(n)]), tensor(y, [div(v(n), lit(4)), lit(4)])],
                 preconditions: pre,
                 body: [loop(i, lit(0), v(n), [
                     assign(y, [div(v(i), lit(4)), mod(v(i), lit(4))], read(x, v(i)), at: at(5, 9)),
                 ])])
        }
        #expect(boundsError(proc([eq(mod(v(n), lit(4)), lit(0))])) == nil)
        let error = try #require(boundsError(proc([])))
        #expect(error.location == at(5, 9))
        #expect(error.message.hasPrefix("y[i / 4, i % 4]: index 0 (i / 4) may be out of bounds [0, n / 4): e.g. i = "))
        let values = exampleValues(error.message)
        let iv = try #require(values["i"]), nv = try #require(values["n"])
        #expect(0 <= iv && iv < nv && iv / 4 >= nv / 4 && nv % 4 != 0)
    }

    /// Contradictory preconditions made every claim provable: `x[10]` of an
    /// `i32[4]` passed under `assert n < 0` (n a size) or under a stride a
    /// dense tensor cannot have. Now the preconditions themselves are refused.
    @Test func contradictoryPreconditionsAreRefusedNotVacuouslyTrue() throws {
        let vacuous = try KernelParser.parseProc("@proc\ndef f(n: size, x: i32[4] @ DRAM):\n    assert n < 0\n    x[10] = 1\n")
        let error = try #require(boundsError(vacuous))
        #expect(error.location == at(3, 12))
        #expect(error.message == "the preconditions of f can never all hold (assert n < 0; sizes are non-negative and a dense tensor's strides are fixed by its shape), so no call is valid and no access could be checked")
        let stride = try KernelParser.parseProc("@proc\ndef f(x: i32[4, 4] @ DRAM):\n    assert stride(x, 1) == 2\n    x[0, 0] = 1\n")
        #expect(boundsError(stride)?.message.hasPrefix("the preconditions of f can never all hold (assert stride(x, 1) == 2;") == true)
        // Satisfiable ones still check every access.
        let fine = try KernelParser.parseProc("@proc\ndef f(n: size, x: i32[4] @ DRAM):\n    assert n < 3\n    x[10] = 1\n")
        #expect(boundsError(fine)?.message == "x[10]: index 0 (10) is out of bounds [0, 4)")
    }

    @Test func allocationDimensionsMustBePositive() throws {
        let t = Sym("t")
        func proc(_ pre: [Expr]) -> Proc {
            Proc(name: "f", params: [size(n)], preconditions: pre,
                 body: [alloc(t, i32(v(n) - lit(4), lit(4)), at: at(3, 5))])
        }
        #expect(boundsError(proc([ge(v(n), lit(5))])) == nil)
        let error = try #require(boundsError(proc([])))
        #expect(error.location == at(3, 5))
        #expect(error.message.hasPrefix("allocation of t: dimension 0 (n - 4) may not be positive: e.g. n = "))
        #expect((exampleValues(error.message)["n"] ?? 5) <= 4)
    }

    @Test func constantIndexOutOfRangeIsDefinite() throws {
        let p = Proc(name: "f", params: [tensor(x, [lit(16)])], body: [assign(x, [lit(16)], lit(0), at: at(2, 5))])
        let error = try #require(boundsError(p))
        #expect(error.message == "x[16]: index 0 (16) is out of bounds [0, 16)")
        #expect(error.location == at(2, 5))
    }

    /// `if i < n and x[i] == 0`: the read only happens when i < n.
    @Test func shortCircuitAndGuardsItsRightOperand() throws {
        let flag = Sym("flag")
        func proc(guarded: Bool) -> Proc {
            let test = eq(read(x, v(i)), lit(0))
            return Proc(name: "f", params: [size(n), tensor(x, [v(n)])], body: [
                loop(i, lit(0), v(n) + lit(1), [
                    alloc(flag, i32()),
                    ifElse(guarded ? and(lt(v(i), v(n)), test) : test, [assign(flag, [], lit(1))]),
                ]),
            ])
        }
        #expect(boundsError(proc(guarded: true)) == nil)
        let error = try #require(boundsError(proc(guarded: false)))
        #expect(error.message == "x[i]: index 0 (i) may be out of bounds [0, n): e.g. i = \(exampleValues(error.message)["i"] ?? -1), n = \(exampleValues(error.message)["n"] ?? -1)")
        #expect(exampleValues(error.message)["i"] == exampleValues(error.message)["n"])
    }

    @Test func dataInAnIndexIsAClearError() throws {
        let k = Sym("k")
        let p = Proc(name: "f", params: [tensor(x, [lit(8)]), tensor(k, [lit(8)])],
                     body: [loop(i, lit(0), lit(8), [assign(x, [read(k, v(i), at: at(3, 11))], lit(0), at: at(3, 9))])])
        do {
            try BoundsChecker().check(p)
            Issue.record("a data-dependent index cannot be checked and must be refused")
        } catch {
            #expect(error.phase == .bounds)
            #expect(error.location == at(3, 11))
            #expect(error.message == "data `k[...]` cannot appear in an index expression or condition")
        }
    }

    @Test func wrongNumberOfIndicesIsAnError() throws {
        let p = Proc(name: "f", params: [tensor(x, [lit(4), lit(4)])], body: [assign(x, [lit(0)], lit(0), at: at(2, 5))])
        #expect(throws: KernelError(.bounds, "`x` has 2 dimensions but is accessed with 1", at: at(2, 5))) {
            try BoundsChecker().check(p)
        }
    }
}

@Suite struct ShadowingBoundsTests: BoundsIRBuilding {
    /// `for i in seq(0, 4): for i in seq(4, 8): x[i]` with x: i32[4]. The two
    /// loops' facts (0 <= i < 4 and 4 <= i < 8) must not be merged into one
    /// contradictory variable, which would "prove" anything.
    @Test func reusedIteratorSymbolIsANewVariable() throws {
        let i = Sym("i"), x = Sym("x")
        let p = Proc(name: "f", params: [tensor(x, [lit(4)])], body: [
            loop(i, lit(0), lit(4), [loop(i, v(i) + lit(4), lit(8), [assign(x, [v(i)], lit(0), at: at(3, 13))])]),
        ])
        let error = try #require(boundsError(p))
        #expect(error.location == at(3, 13))
        #expect(error.message == "x[i]: index 0 (i) is out of bounds [0, 4)")
    }
}
