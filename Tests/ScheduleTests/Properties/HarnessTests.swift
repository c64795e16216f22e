import Testing
@testable import Schedule

/// The equivalence harness must be able to fail: wrong transformations,
/// made by editing the IR by hand, are reported as mismatches.
@Suite struct HarnessTests {
    static let prefixSum = LoopSplittingProperties.prefixSum

    /// The loop of the top-level statement `k` with its bounds replaced.
    private func withBounds(_ p: Proc, statement k: Int, _ bounds: (Expr, Expr) -> (Expr, Expr)) -> Proc {
        var q = p
        guard case .loop(let i, let lo, let hi, let body) = q.body[k].node else { return q }
        let (lo2, hi2) = bounds(lo, hi)
        q.body[k].node = .loop(i, lo2, hi2, body)
        return q
    }

    @Test func aShiftedLoopBoundIsDetected() throws {
        let p = try KernelParser.parseProc(Self.prefixSum)
        let wrong = withBounds(p, statement: 1) { _, hi in (.int(1), hi) }
        let report = try EquivalenceCheck(sizes: ["n": [0, 1, 5]]).run(p, wrong)
        // n = 0 runs no iteration either way; n = 1 and n = 5 differ on every trial.
        #expect(report.runs == 9)
        #expect(report.mismatches.count == 6)
        #expect(report.mismatches.allSatisfy { $0.detail.hasPrefix("y differs at storage element [1]") })
    }

    @Test func swappedStatementsThatDoNotCommuteAreDetected() throws {
        let p = try KernelParser.parseProc("""
            @proc
            def two(x: i32[4] @ DRAM, y: i32[4] @ DRAM):
                for i in seq(0, 4):
                    x[i] = x[i] + 1
                    y[i] = x[i] * 2
            """)
        var q = p
        guard case .loop(let i, let lo, let hi, let body) = q.body[0].node else { Issue.record("no loop"); return }
        q.body[0].node = .loop(i, lo, hi, [body[1], body[0]])
        let report = try EquivalenceCheck(trials: 4).run(p, q)
        #expect(report.mismatches.count == 4)
        #expect(report.mismatches.allSatisfy { $0.detail.hasPrefix("y differs") })
        // The unchanged proc passes.
        let sameOrder = try KernelParser.parseProc(Self.prefixSum)
        #expect(try EquivalenceCheck(sizes: ["n": [3]]).run(sameOrder, sameOrder).mismatches.isEmpty)
    }

    @Test func aRewriteThatGoesOutOfBoundsIsAMismatch() throws {
        let p = try KernelParser.parseProc(Self.prefixSum)
        let wrong = withBounds(p, statement: 1) { lo, hi in (lo, hi + .int(1)) }
        let report = try EquivalenceCheck(sizes: ["n": [2]], trials: 1).run(p, wrong)
        #expect(report.runs == 0)
        #expect(report.mismatches.count == 1)
        #expect(report.mismatches[0].detail.hasPrefix("the rewritten proc fails"))
    }

    @Test func aWriteToAnInputIsAMismatch() throws {
        let p = try KernelParser.parseProc(Self.prefixSum)
        var q = p
        // An extra statement that clobbers the input x after the loop.
        let x = p.params[1].name
        q.body.append(Stmt(.assign(x, [.int(0)], .int(7))))
        let report = try EquivalenceCheck(sizes: ["n": [3]], trials: 2).run(p, q)
        #expect(report.mismatches.count == 2)
        #expect(report.mismatches.allSatisfy { $0.detail.hasPrefix("x differs at storage element [0]: ") && $0.detail.hasSuffix(" before, 7 after") })
    }

    @Test func aMissingWriteThroughAWindowIsAMismatch() throws {
        // Window arguments are views into a larger random tensor; the
        // comparison covers its whole storage.
        let module = try KernelParser.parse("""
            @proc
            def fill(w: [i32][2, 3] @ DRAM):
                for i in seq(0, 2):
                    for j in seq(0, 3):
                        w[i, j] = 5
            """)
        let p = module.procs[0]
        let wrong = withBounds(p, statement: 0) { lo, _ in (lo, .int(1)) }
        let report = try EquivalenceCheck(trials: 6).run(p, wrong)
        #expect(report.mismatches.count == 6)
        #expect(report.mismatches.allSatisfy { $0.detail.hasPrefix("w differs") })
    }

    @Test func sizesBreakingAPreconditionAreSkipped() throws {
        let p = try KernelParser.parseProc("""
            @proc
            def even(n: size, x: i32[n] @ DRAM):
                assert n % 2 == 0
                for i in seq(0, n):
                    x[i] = 1
            """)
        let report = try EquivalenceCheck(sizes: ["n": Array(0...5)], trials: 2).run(p, p)
        #expect(report.runs == 6)
        #expect(throws: EquivalenceCheck.SetupError.self) {
            _ = try EquivalenceCheck(sizes: ["n": [1, 3]]).run(p, p)
        }
        // A missing size is a setup error, not a pass.
        #expect(throws: EquivalenceCheck.SetupError.self) { _ = try EquivalenceCheck().run(p, p) }
    }

    @Test func theSameSeedGivesTheSameInputs() throws {
        let p = try KernelParser.parseProc(Self.prefixSum)
        let wrong = withBounds(p, statement: 1) { _, hi in (.int(1), hi) }
        let a = try EquivalenceCheck(sizes: ["n": [4]], seed: 7).run(p, wrong)
        let b = try EquivalenceCheck(sizes: ["n": [4]], seed: 7).run(p, wrong)
        let c = try EquivalenceCheck(sizes: ["n": [4]], seed: 8).run(p, wrong)
        #expect(a.mismatches.map(\.detail) == b.mismatches.map(\.detail))
        #expect(a.mismatches.map(\.detail) != c.mismatches.map(\.detail))
    }
}
