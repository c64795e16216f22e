import Testing
@testable import Schedule

@Suite struct OracleTests {
    let oracle = SyntacticOracle()
    let n = Sym("n"), i = Sym("i"), i2 = Sym("i'"), j = Sym("j")

    @Test func provesDivisibilityFromAPrecondition() {
        let r = oracle.prove(v(n) % 4 == 0, assuming: [v(n) % 4 == 0], variableTypes: [n: .size])
        #expect(r == .proved)
    }

    @Test func neverProvesWhatItCannotDecide() {
        let r = oracle.prove(v(n) % 4 == 0, assuming: [], variableTypes: [n: .size])
        guard case .unknown(let reason) = r else { Issue.record("expected unknown, got \(r)"); return }
        #expect(reason.contains("n % 4 == 0"))
    }

    @Test func refutesConstantClaims() {
        #expect(oracle.prove(lit(18) % 4 == 0, assuming: []) == .refuted(counterexample: [:]))
        #expect(oracle.prove(lit(16) % 4 == 0, assuming: []) == .proved)
    }

    @Test func provesDisequalityFromAnOrderFact() {
        // i != i' whenever i < i' (no ranges needed).
        let r = oracle.prove(v(i) != v(i2), assuming: [v(i) < v(i2)])
        #expect(r == .proved)
    }

    @Test func enumeratesFiniteRangesWithACounterexample() {
        // For 0 <= i, j < 4 with i < j: is i + j != 3? No: i = 0, j = 3.
        let facts = [lit(0) <= v(i), v(i) < 4, lit(0) <= v(j), v(j) < 4, v(i) < v(j)]
        let r = oracle.prove(v(i) + v(j) != lit(3), assuming: facts)
        guard case .refuted(let cex) = r else { Issue.record("expected a counterexample, got \(r)"); return }
        #expect(cex[i]! + cex[j]! == 3 && cex[i]! < cex[j]!)
        // And a true claim over the same ranges is proved.
        #expect(oracle.prove(v(i) + v(j) < lit(7), assuming: facts) == .proved)
    }

    @Test func derivesRangesFromFacts() {
        // i in [0, 16) implies i / 4 < 4.
        let r = oracle.prove(v(i) / 4 < lit(4), assuming: [lit(0) <= v(i), v(i) < 16])
        #expect(r == .proved)
    }
}
