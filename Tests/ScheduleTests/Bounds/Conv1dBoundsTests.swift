import Testing
@testable import Schedule

/// The conv1d algorithm of DESIGN.md, built as IR:
///
///     def generic_conv1d(data: i32[IC, N], kernels: i32[OC, IC, W], out: i32[OC, N]):
///         for i in seq(0, OC):
///             for j in seq(0, N):
///                 out[i, j] = 0
///                 for c in seq(0, IC):
///                     for r in seq(0, W):
///                         y: i32
///                         if j + r < N:            # dropped when guarded == false
///                             y = data[c, j + r]
///                         else:
///                             y = 0
///                         out[i, j] += kernels[i, c, r] * y
struct BoundsConv1d: BoundsIRBuilding {
    let IC = Sym("IC"), OC = Sym("OC"), N = Sym("N"), W = Sym("W")
    let data = Sym("data"), kernels = Sym("kernels"), out = Sym("out")
    let i = Sym("i"), j = Sym("j"), c = Sym("c"), r = Sym("r"), y = Sym("y")
    /// Where the data read sits in the kernel text above.
    let dataReadLocation = SourceLocation(line: 10, column: 33)

    /// Symbolic sizes (`IC: size, ...`) or the constants 4, 16, 16, 4.
    func proc(symbolic: Bool, guarded: Bool = true) -> Proc {
        let (ic, oc, n, w) = symbolic ? (v(IC), v(OC), v(N), v(W)) : (lit(4), lit(16), lit(16), lit(4))
        var params = symbolic ? [size(IC), size(OC), size(N), size(W)] : []
        params += [tensor(data, [ic, n]), tensor(kernels, [oc, ic, w]), tensor(out, [oc, n])]
        let load = assign(y, [], read(data, v(c), v(j) + v(r), at: dataReadLocation))
        let fill: Stmt = guarded ? ifElse(lt(v(j) + v(r), n), [load], else: [assign(y, [], lit(0))]) : load
        return Proc(name: "generic_conv1d", params: params, body: [
            loop(i, lit(0), oc, [
                loop(j, lit(0), n, [
                    assign(out, [v(i), v(j)], lit(0)),
                    loop(c, lit(0), ic, [
                        loop(r, lit(0), w, [
                            alloc(y, i32()),
                            fill,
                            reduce(out, [v(i), v(j)], read(kernels, v(i), v(c), v(r)) * v(y)),
                        ]),
                    ]),
                ]),
            ]),
        ])
    }
}

@Suite struct Conv1dBoundsTests: BoundsIRBuilding {
    let conv = BoundsConv1d()

    @Test func acceptsGuardedConv1dWithConstantSizes() throws {
        #expect(boundsError(conv.proc(symbolic: false)) == nil)
    }

    @Test func acceptsGuardedConv1dWithSymbolicSizes() throws {
        #expect(boundsError(conv.proc(symbolic: true)) == nil)
    }

    @Test func refusesUnguardedDataReadWithConstantSizes() throws {
        let error = try #require(boundsError(conv.proc(symbolic: false, guarded: false)))
        #expect(error.phase == .bounds)
        #expect(error.location == conv.dataReadLocation)
        #expect(error.message.hasPrefix("data[c, j + r]: index 1 (j + r) may be out of bounds [0, 16): e.g. j = "))
        // The counterexample names j and r first, then c in parentheses, and really is one.
        let values = exampleValues(error.message)
        let j = try #require(values["j"]), r = try #require(values["r"]), c = try #require(values["c"])
        #expect(error.message.hasSuffix("(c = \(c))"))
        #expect((0..<16).contains(j) && (0..<4).contains(r) && (0..<4).contains(c))
        #expect(j + r >= 16)
        #expect(Set(values.keys) == ["j", "r", "c"])
    }

    @Test func refusesUnguardedDataReadWithSymbolicSizes() throws {
        let error = try #require(boundsError(conv.proc(symbolic: true, guarded: false)))
        #expect(error.location == conv.dataReadLocation, "\(error.message)")
        #expect(error.message.hasPrefix("data[c, j + r]: index 1 (j + r) may be out of bounds [0, N): e.g. j = "))
        let values = exampleValues(error.message)
        let j = try #require(values["j"]), r = try #require(values["r"]), n = try #require(values["N"])
        #expect(0 <= j && j < n && 0 <= r && j + r >= n)
    }

    @Test func theUnguardedReadIsTheOnlyViolation() throws {
        let found = try BoundsChecker().violations(in: conv.proc(symbolic: true, guarded: false))
        #expect(found.count == 1)
        #expect(found.first?.location == conv.dataReadLocation)
    }

    @Test func guardInTheElseBranchIsNegated() throws {
        let (data, c, j, r, y) = (conv.data, conv.c, conv.j, conv.r, conv.y)
        let n = Sym("n"), x = Sym("x")
        // if j + r >= n: y = 0  else: y = data[c, j + r]   -- in bounds only through the negated guard
        func proc(_ thenLoads: Bool) -> Proc {
            let load = assign(y, [], read(data, v(c), v(j) + v(r)))
            let zero = assign(y, [], lit(0))
            return Proc(name: "f", params: [size(n), tensor(data, [lit(2), v(n)]), tensor(x, [lit(1)])], body: [
                loop(c, lit(0), lit(2), [loop(j, lit(0), v(n), [loop(r, lit(0), lit(3), [
                    alloc(y, i32()),
                    ifElse(ge(v(j) + v(r), v(n)), [thenLoads ? load : zero], else: [thenLoads ? zero : load]),
                ])])]),
            ])
        }
        #expect(boundsError(proc(false)) == nil)
        let error = try #require(boundsError(proc(true)))
        // Loading exactly when j + r >= n is out of bounds whenever it runs.
        #expect(error.message == "data[c, j + r]: index 1 (j + r) is out of bounds [0, n)")
    }

    @Test func rechecksComeFromTheCache() throws {
        let checker = try BoundsChecker()
        try checker.check(conv.proc(symbolic: true))
        let checks = checker.solver.statistics.solverChecks
        try checker.check(conv.proc(symbolic: true))
        #expect(checker.solver.statistics.solverChecks == checks)
        #expect(checks <= 4)   // one check per program point with accesses
    }
}
