import Testing
@testable import Schedule

@Suite struct SimplifierTests {
    let i = Sym("i"), io = Sym("io"), ii = Sym("ii"), n = Sym("n")

    func s(_ e: Expr, ranges: [Sym: Interval] = [:]) -> String {
        StatementText.expr(IndexSimplifier(ranges: ranges).simplify(e))
    }

    @Test func collectsLinearTerms() {
        #expect(s(v(i) + v(i) + 2 - 1) == "2 * i + 1")
        #expect(s(v(i) - v(i)) == "0")
        #expect(s(lit(3) * (v(io) + 1) - v(io)) == "2 * io + 3")
        #expect(s(v(n) - v(i) - 1) == "n - i - 1")
        #expect(s(lit(0) - v(i)) == "-i")
    }

    @Test func foldsConstants() {
        #expect(s(lit(16) / 4) == "4")
        #expect(s(lit(18) % 4) == "2")
        #expect(s(lit(-1) / 4) == "-1")     // floor division
        #expect(s(lit(-1) % 4) == "3")      // non-negative modulo
        #expect(s(lit(2) + 3 < lit(6)) == "True")
        #expect(s(v(i) + 1 < v(i) + 3) == "True")
    }

    @Test func dividesExactlyUnderLoopRanges() {
        let r: [Sym: Interval] = [ii: Interval(lo: 0, hi: 3), io: Interval(lo: 0, hi: 3)]
        #expect(s((4 * v(io) + v(ii)) / 4, ranges: r) == "io")
        #expect(s((4 * v(io) + v(ii)) % 4, ranges: r) == "ii")
        #expect(s((4 * v(io) + v(ii) + 4) / 4, ranges: r) == "io + 1")
        // Without the range of ii the division is not exact.
        #expect(s((4 * v(io) + v(ii)) / 4) == "io + ii / 4")
        #expect(s((8 * v(io) + 2 * v(ii)) % 2) == "0")
    }

    @Test func leavesUnknownDivisionsOpaque() {
        #expect(s(v(n) / 4) == "n / 4")
        #expect(s(v(n) / 4 + v(n) / 4) == "2 * (n / 4)")
        #expect(s(v(i) * v(n) + 0) == "i * n")
    }

    @Test func rangeDecidesComparisons() {
        let r: [Sym: Interval] = [ii: Interval(lo: 0, hi: 3)]
        #expect(s(v(ii) < 4, ranges: r) == "True")
        #expect(s(v(ii) < 3, ranges: r) == "ii < 3")
        #expect(s((v(ii) < 4) && (v(n) < 5), ranges: r) == "n < 5")
    }

    @Test func leavesDataExpressionsButSimplifiesTheirIndices() {
        let x = Sym("x")
        var simp = IndexSimplifier()
        simp.dataSymbols = [x]
        let e = read(x, v(i) + 0) * lit(2) + read(x, v(i) - v(i))
        #expect(StatementText.expr(simp.simplify(e)) == "x[i] * 2 + x[0]")
    }

    /// Int overflow in the normal form used to wrap: `(16 + (2^63 - 2)) / (2^63 - 1)`
    /// became -1 (a loop that never ran) and `2^62 * 4 * ii < 1` became True.
    @Test func overflowingArithmeticIsLeftAlone() {
        let big = Int.max
        let r: [Sym: Interval] = [ii: Interval(lo: 0, hi: 3)]
        let quotient = IndexSimplifier().simplify((lit(16) + lit(big - 1)) / lit(big))
        #expect(quotient.intValue == nil || quotient.intValue == 1)
        #expect(s(lit(1 << 62) * lit(4) * v(ii) < lit(1), ranges: r) != "True")
        #expect(s(v(i) + lit(big) + lit(1) - lit(1)) == "i + \(big) + 1 - 1")
        // No trap on the extremes.
        #expect(s(lit(0) - lit(Int.min)) == "0 - \(Int.min)")
        #expect(s(v(i) * lit(Int.min) + 0) != "")
        #expect(ControlEvaluator(values: [:]).int(lit(Int.min) / lit(-1)) == nil)
        #expect(ControlEvaluator(values: [:]).int(lit(big) + lit(1)) == nil)
        #expect(Interval(lo: Int.min, hi: Int.max).count == nil)
    }
}
