import Testing
@testable import Schedule

/// The z3 oracle on its own, and as the default oracle of `Procedure`
/// (behind the syntactic pre-filter).
@Suite struct Z3OracleTests {
    let z3 = Z3Oracle()
    let syntactic = SyntacticOracle()
    let n = Sym("n"), i = Sym("i"), i2 = Sym("i'"), b = Sym("b"), x = Sym("x")

    func query(_ claim: Expr, _ facts: [Expr], _ types: [Sym: DataType]) -> ProofQuery {
        ProofQuery(claim: claim, facts: facts, variableTypes: types)
    }

    /// The counterexample satisfies every fact and falsifies the claim,
    /// checked by evaluating the IR expressions (independently of z3).
    func expectGenuine(_ cex: [Sym: Int], _ q: ProofQuery) {
        let ev = ControlEvaluator(values: cex)
        for f in q.facts { #expect(ev.bool(f) == true, "fact \(f.exoText) at \(cex)") }
        #expect(ev.bool(q.claim) == false, "claim \(q.claim.exoText) at \(cex)")
    }

    @Test func provesWhatTheSyntacticOracleCannot() {
        // n / 2 <= n for a size n: floor division is not affine.
        let half = query(v(n) / 2 <= v(n), [lit(0) <= v(n)], [n: .size])
        guard case .unknown = syntactic.prove(half) else { Issue.record("the syntactic oracle should not decide this"); return }
        #expect(z3.prove(half) == .proved)
        #expect(TieredOracle.shared.prove(half) == .proved)
        // Divisibility under a precondition: n % 4 == 0 implies (n + 8) % 2 == 0.
        let div = query((v(n) + 8) % 2 == 0, [v(n) % 4 == 0], [n: .size])
        guard case .unknown = syntactic.prove(div) else { Issue.record("the syntactic oracle should not decide this"); return }
        #expect(z3.prove(div) == .proved)
        // Parity: 2 * i never equals 2 * i' + 1, for unbounded i, i'.
        #expect(z3.prove(query(2 * v(i) != 2 * v(i2) + 1, [], [i: .index, i2: .index])) == .proved)
    }

    @Test func refutesWithACounterexampleThatSatisfiesTheFacts() {
        // n % 2 == 0 does not make n divisible by 4.
        let q = query(v(n) % 4 == 0, [v(n) % 2 == 0, lit(0) <= v(n)], [n: .size])
        guard case .refuted(let cex) = z3.prove(q) else { Issue.record("expected a counterexample"); return }
        #expect(cex[n] != nil)
        expectGenuine(cex, q)
        // Two iterations i < i' of a loop over [0, n) writing x[i + 3] and reading x[i'] may meet.
        let facts = [lit(0) <= v(i), v(i) < v(n), lit(0) <= v(i2), v(i2) < v(n), v(i) < v(i2)]
        let overlap = query(v(i) + 3 != v(i2), facts, [n: .size, i: .index, i2: .index])
        guard case .refuted(let cex2) = z3.prove(overlap) else { Issue.record("expected a counterexample"); return }
        #expect(cex2[i2]! - cex2[i]! == 3 && cex2[n]! > cex2[i2]!)
        expectGenuine(cex2, overlap)
    }

    @Test func booleansAndStrides() {
        // b or not b; a bool variable in a counterexample is 0 or 1.
        #expect(z3.prove(query(Expr(.binary(.or, v(b), Expr(.unary(.not, v(b))))), [], [b: .bool])) == .proved)
        guard case .refuted(let cex) = z3.prove(query(v(b), [], [b: .bool])) else { Issue.record("expected a counterexample"); return }
        #expect(cex[b] == 0)
        // stride(x, 1) is an opaque integer: only facts about it decide claims.
        let unit = Expr(.binary(.eq, Expr(.stride(x, 1)), .int(1)))
        #expect(z3.prove(query(unit, [unit], [:])) == .proved)
        guard case .refuted = z3.prove(query(unit, [], [:])) else { Issue.record("stride(x, 1) == 1 is not known"); return }
    }

    @Test func unreadableClaimsAndFactsAreNeverProvedOrRefuted() {
        // A claim reading data is not for the solver.
        let data = query(Expr(.binary(.lt, read(x, v(i)), lit(3))), [], [i: .index])
        guard case .unknown(let why) = z3.prove(data) else { Issue.record("expected unknown"); return }
        #expect(why.contains("the solver cannot read `x[i] < 3`"))
        // A fact reading data is dropped; a proof without it stands ...
        let dataFact = Expr(.binary(.lt, read(x, v(i)), lit(3)))
        #expect(z3.prove(query(v(i) < v(i) + 1, [dataFact], [i: .index])) == .proved)
        // ... but a counterexample might violate it: unknown, not refuted.
        guard case .unknown(let why2) = z3.prove(query(v(i) < lit(3), [dataFact], [i: .index])) else {
            Issue.record("expected unknown"); return
        }
        #expect(why2.contains("unless `x[i] < 3` excludes it"))
    }

    @Test func undecidedNonLinearClaimsAreUnknown() {
        // x^3 + y^3 != z^3 for positive integers (Fermat, n = 3): true, but
        // beyond z3's non-linear integer reasoning: it must give up, never prove.
        let a = Sym("a"), c = Sym("c"), d = Sym("d")
        let cube = { (s: Sym) in v(s) * v(s) * v(s) }
        let q = query(cube(a) + cube(c) != cube(d), [lit(0) < v(a), lit(0) < v(c), lit(0) < v(d)],
                      [a: .index, c: .index, d: .index])
        guard case .unknown = Z3Oracle(timeoutMilliseconds: 200).prove(q) else { Issue.record("expected unknown"); return }
    }

    @Test func queriesFromManyTasksAtOnce() async {
        let oracle = Z3Oracle()
        let n = self.n
        let results = await withTaskGroup(of: (Int, OracleResult).self) { group in
            for k in 1...16 {
                group.addTask {
                    // k divides n * k, and n * k + 1 is not divisible by k for k > 1.
                    let claim = (v(n) * .int(k) + .int(k == 1 ? 0 : 1)) % .int(k) == 0
                    return (k, oracle.prove(ProofQuery(claim: claim, facts: [], variableTypes: [n: .size])))
                }
            }
            var out: [Int: OracleResult] = [:]
            for await (k, r) in group { out[k] = r }
            return out
        }
        #expect(results[1] == .proved)
        for k in 2...16 {
            guard case .refuted = results[k] else { Issue.record("k = \(k): \(String(describing: results[k]))"); continue }
        }
    }

    // MARK: through the rewrites

    static let evenScale = ScheduleHistoryTests.scale

    @Test func aPerfectDivideTheSyntacticOracleCannotProve() throws {
        // n % 4 == 0 implies n % 2 == 0: z3's job.
        let alone = try procedure(Self.evenScale, oracle: SyntacticOracle())
        let msg = scheduleError { _ = try alone.divideLoop(alone.findLoop("i"), by: 2, newNames: ("io", "ii"), tail: .perfect) }
        #expect(msg.contains("needs the SMT oracle"))
        let p = try procedure(Self.evenScale)
        let p2 = try p.divideLoop(p.findLoop("i"), by: 2, newNames: ("io", "ii"), tail: .perfect)
        #expect(exo(p2) == """
            @proc
            def scale(n: size, x: i32[n] @ DRAM, z: i32[n] @ DRAM):
                assert n % 4 == 0
                for io in seq(0, n / 2):
                    for ii in seq(0, 2):
                        z[2 * io + ii] = x[2 * io + ii] * 2

            """)
    }

    @Test func aRefusedDivideReportsZ3sCounterexample() throws {
        let p = try procedure(Self.evenScale)
        let msg = scheduleError { _ = try p.divideLoop(p.findLoop("i"), by: 8, newNames: ("io", "ii"), tail: .perfect) }
        #expect(msg.hasPrefix("divideLoop: the trip count n is not provably divisible by 8"))
        // "`n % 8 == 0` fails when n = <value>", the value a multiple of 4 but not of 8.
        let marker = "`n % 8 == 0` fails when n = "
        guard let range = msg.range(of: marker) else { Issue.record("no counterexample in: \(msg)"); return }
        let digits = msg[range.upperBound...].prefix { $0.isNumber || $0 == "-" }
        let value = try #require(Int(digits))
        #expect(value >= 0 && value % 4 == 0 && value % 8 != 0)
    }

    @Test func fissionProvedDisjointByParity() throws {
        // Iteration i writes the even element 2i, and a later iteration reads the odd 2i' + 1.
        let text = """
            @proc
            def parity(n: size, a: i32[2 * n + 2] @ DRAM, b: i32[n] @ DRAM):
                for i in seq(0, n):
                    a[2 * i] = 1
                    b[i] = a[2 * i + 1]
            """
        let alone = try procedure(text, oracle: SyntacticOracle())
        #expect(scheduleError { _ = try alone.fission(alone.find("a[_] = _").after()) }.contains("cannot prove they are disjoint"))
        let p = try procedure(text)
        let p2 = try p.fission(p.find("a[_] = _").after())
        #expect(exo(p2) == """
            @proc
            def parity(n: size, a: i32[2 * n + 2] @ DRAM, b: i32[n] @ DRAM):
                for i in seq(0, n):
                    a[2 * i] = 1
                for i in seq(0, n):
                    b[i] = a[2 * i + 1]

            """)
    }
}
