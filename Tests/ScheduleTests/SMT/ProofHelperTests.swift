import Testing
@testable import Schedule

/// The claims rewrites use: equality, divisibility, disjoint regions.
@Suite struct ProofHelperTests {
    let n = SMTTerm.freshInt("n")

    @Test func equalityUnderAPrecondition() throws {
        let smt = try SMTContext()
        let divisible = SMTTerm.eq(.floorMod(n, .int(4)), .int(0))
        #expect(smt.proveEqual(.floorDiv(n, .int(4)) * .int(4), n, assuming: [divisible]) == .proved)
        guard case .counterexample(let m) = smt.proveEqual(.floorDiv(n, .int(4)) * .int(4), n) else {
            Issue.record("4 * (n / 4) == n needs n % 4 == 0")
            return
        }
        #expect((m["n"] ?? 0) % 4 != 0)
    }

    @Test func divisibility() throws {
        let smt = try SMTContext()
        #expect(smt.proveDivides(4, n * .int(4) + .int(8)) == .proved)
        #expect(smt.proveDivides(4, n * .int(8), assuming: []) == .proved)
        guard case .counterexample(let m) = smt.proveDivides(4, n + .int(2), assuming: [.le(.int(0), n)]) else {
            Issue.record("n + 2 is not always a multiple of 4")
            return
        }
        let nv = try #require(m["n"])
        #expect((nv + 2) % 4 != 0 && nv >= 0)
    }

    /// Two different iterations i < i' of a loop touching x[4i : 4i + 4]
    /// touch disjoint elements; with x[4i : 4i + 5] they overlap.
    @Test func disjointTilesOfTwoIterations() throws {
        let smt = try SMTContext()
        let i = SMTTerm.freshInt("i"), i2 = SMTTerm.freshInt("i'")
        let facts: [SMTTerm] = [.le(.int(0), i), .lt(i, i2)]
        func tile(_ k: SMTTerm, _ width: Int) -> [SMTRange] { [SMTRange(.int(4) * k, .int(4) * k + .int(width))] }
        #expect(smt.proveDisjoint(tile(i, 4), tile(i2, 4), assuming: facts) == .proved)
        guard case .counterexample(let m) = smt.proveDisjoint(tile(i, 5), tile(i2, 5), assuming: facts) else {
            Issue.record("overlapping tiles")
            return
        }
        let a = try #require(m["i"]), b = try #require(m["i'"])
        #expect(b == a + 1)   // neighbours share element 4 * b
        // 2-d: different rows are disjoint even when the columns are equal.
        let j = SMTTerm.freshInt("j")
        #expect(smt.proveDisjoint([.point(i), SMTRange(j, j + .int(4))], [.point(i2), SMTRange(j, j + .int(4))], assuming: facts) == .proved)
        #expect(smt.proveDisjoint([.point(i)], [.point(i2), .point(j)]) != .proved)
    }

    @Test func pairwiseDisjointRanges() throws {
        let smt = try SMTContext()
        let facts: [SMTTerm] = [.le(.int(8), n)]
        let parts = [SMTRange(.int(0), .int(4)), SMTRange(.int(4), .int(8)), SMTRange(.int(8), n)]
        #expect(smt.proveDisjoint(parts, assuming: facts) == .proved)
        #expect(smt.proveDisjoint(parts + [SMTRange(n - .int(1), n)], assuming: facts) != .proved)
    }

    @Test func affineSimplificationAndText() {
        let j = SMTTerm.freshInt("j")
        #expect(((.int(4) * j + .int(3)) - .int(4) * j).affineSimplified == .int(3))
        #expect((j + n - j - .int(2)).affineSimplified.description == "n - 2")
        #expect((.int(2) * (j + .int(1)) - j).affineSimplified.description == "j + 2")
        #expect(SMTTerm.floorMod(n + .int(1), .int(4)).description == "(n + 1) % 4")
        #expect((SMTTerm.lt(j, n) && !SMTTerm.eq(j, .int(0))).description == "j < n and not j == 0")
    }
}

@Suite struct AffineOverflowTests {
    /// Huge coefficients leave the term as it was instead of trapping.
    @Test func overflowingCoefficientsAreLeftAlone() throws {
        let j = SMTTerm.freshInt("j")
        let t = SMTTerm.int(Int.max) * j + SMTTerm.int(Int.max) * j
        #expect(t.affineSimplified == t)
        let u = SMTTerm.int(0) - SMTTerm.int(Int.max) * j - j
        #expect(u.affineSimplified == u)
        let smt = try SMTContext()
        // The solver's integers are unbounded: 2 * Int.max stays exact.
        #expect(smt.proveEqual(t, (.int(2) * .int(Int.max)) * j) == .proved)
    }
}
