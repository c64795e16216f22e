import Testing
@testable import Schedule

@Suite struct SolverBasicsTests {
    @Test func provesALinearFactAndRefutesAFalseOne() throws {
        let smt = try SMTContext()
        let i = SMTTerm.freshInt("i"), n = SMTTerm.freshInt("n")
        let inLoop: [SMTTerm] = [.le(.int(0), i), .lt(i, n), .le(n, .int(16))]
        #expect(smt.prove(.lt(i, .int(16)), assuming: inLoop) == .proved)
        #expect(smt.prove(.lt(i + .int(1), n) || .eq(i + .int(1), n), assuming: inLoop) == .proved)

        guard case .counterexample(let model) = smt.prove(.lt(i + .int(1), n), assuming: inLoop) else {
            Issue.record("i + 1 < n does not follow from i < n")
            return
        }
        // The only counterexamples are the last iteration: i = n - 1.
        let iv = try #require(model["i"]), nv = try #require(model["n"])
        #expect(iv == nv - 1)
        #expect(0 <= iv && nv <= 16)
    }

    @Test func counterexampleSatisfiesFactsAndViolatesClaim() throws {
        let smt = try SMTContext()
        let j = SMTTerm.freshInt("j"), r = SMTTerm.freshInt("r")
        let facts: [SMTTerm] = [.le(.int(0), j), .lt(j, .int(16)), .le(.int(0), r), .lt(r, .int(4))]
        guard case .counterexample(let m) = smt.prove(.lt(j + r, .int(16)), assuming: facts) else {
            Issue.record("expected a counterexample")
            return
        }
        let jv = try #require(m["j"]), rv = try #require(m["r"])
        #expect((0..<16).contains(jv) && (0..<4).contains(rv))
        #expect(jv + rv >= 16)
    }

    @Test func booleansIteAndImplication() throws {
        let smt = try SMTContext()
        let p = SMTTerm.freshBool("p"), x = SMTTerm.freshInt("x")
        let absX = SMTTerm.ite(.lt(x, .int(0)), -x, x)
        #expect(smt.prove(.le(.int(0), absX)) == .proved)
        #expect(smt.prove(.implies(p, p || .lt(x, .int(0)))) == .proved)
        guard case .counterexample(let m) = smt.prove(.implies(p, .lt(x, .int(0)))) else {
            Issue.record("p => x < 0 is not valid")
            return
        }
        #expect(m["p"] == 1 && (m["x"] ?? -1) >= 0)
    }

    @Test func satisfiabilityAndNonlinearProducts() throws {
        let smt = try SMTContext()
        let a = SMTTerm.freshInt("a"), b = SMTTerm.freshInt("b")
        #expect(smt.checkSatisfiable([.lt(a, b), .lt(b, a)]) == .unsatisfiable)
        guard case .satisfiable(let m) = smt.checkSatisfiable([.eq(a * b, .int(12)), .lt(.int(1), a), .lt(a, b)]) else {
            Issue.record("a * b = 12 with 1 < a < b has solutions")
            return
        }
        let av = try #require(m["a"]), bv = try #require(m["b"])
        #expect(av * bv == 12 && 1 < av && av < bv)
    }

    @Test func repeatedQueriesComeFromTheCache() throws {
        let smt = try SMTContext()
        let i = SMTTerm.freshInt("i")
        let facts: [SMTTerm] = [.le(.int(0), i), .lt(i, .int(8))]
        for _ in 0..<5 { #expect(smt.prove(.lt(i, .int(9)), assuming: facts) == .proved) }
        #expect(smt.statistics.solverChecks == 1)
        #expect(smt.statistics.cacheHits == 4)
    }

    @Test func illSortedTermIsUnknownNotACrash() throws {
        let smt = try SMTContext()
        let p = SMTTerm.freshBool("p")
        guard case .unknown(let reason) = smt.prove(.lt(p + .int(1), .int(3))) else {
            Issue.record("adding a bool to an int must be refused")
            return
        }
        #expect(reason.contains("bool"))
    }

    @Test func constantsFoldWithoutTheSolver() throws {
        let smt = try SMTContext()
        #expect(SMTTerm.int(3) * .int(4) + .int(1) == .int(13))
        #expect(SMTTerm.lt(.int(3), .int(4)) == .true)
        // Folding never traps on overflow: the sum stays symbolic and the solver (unbounded ints) decides.
        let big = SMTTerm.int(Int.max) + .int(1)
        #expect(big.intValue == nil)
        #expect(smt.prove(.lt(.int(Int.max), big)) == .proved)
    }

    @Test func contextsOnSeveralThreadsAtOnce() async throws {
        let results = await withTaskGroup(of: Bool.self) { group in
            for k in 0..<8 {
                group.addTask {
                    guard let smt = try? SMTContext() else { return false }
                    let x = SMTTerm.freshInt("x")
                    var ok = true
                    for m in 1...20 {
                        let claim = SMTTerm.eq(.floorMod(x * .int(m * (k + 1)), .int(m)), .int(0))
                        ok = ok && smt.prove(claim) == .proved
                    }
                    return ok
                }
            }
            var all: [Bool] = []
            for await r in group { all.append(r) }
            return all
        }
        #expect(results.count == 8 && results.allSatisfy { $0 })
    }
}
