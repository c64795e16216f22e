import Testing
@testable import Schedule

/// Translation of IR expressions and the facts of a program point.
@Suite struct AssumptionsTests: BoundsIRBuilding {
    let n = Sym("n"), m = Sym("m"), b = Sym("b"), x = Sym("x"), w = Sym("w")
    let A = Sym("A"), B = Sym("B"), C = Sym("C"), t = Sym("t")

    func proc(preconditions: [Expr] = [], body: [Stmt] = []) -> Proc {
        Proc(name: "f", params: [
            size(n), index(m), Param(name: b, type: .bool), size(A), size(B), size(C),
            tensor(x, [v(n), lit(4), lit(8)]), tensor(t, [v(A), v(B), v(C)]), tensor(w, [lit(4), lit(4)], window: true),
        ], preconditions: preconditions, body: body)
    }

    @Test func controlExpressionsBecomeTerms() throws {
        let scope = try Assumptions(proc: proc())
        let nt = SMTTerm.variable(SMTVariable(n)), mt = SMTTerm.variable(SMTVariable(m))
        #expect(try scope.index(div(v(n), lit(4)) + mod(v(m), lit(3))) == .floorDiv(nt, .int(4)) + .floorMod(mt, .int(3)))
        #expect(try scope.condition(and(lt(v(m), v(n)), v(b))) == (.lt(mt, nt) && .variable(SMTVariable(b, sort: .bool))))
        #expect(try scope.index(lit(2) * lit(3) - lit(1)) == .int(5))
        // Sizes are non-negative; an index argument may be anything.
        let smt = try SMTContext()
        #expect(smt.prove(.le(.int(0), nt), assuming: scope.facts) == .proved)
        #expect(smt.prove(.le(.int(0), mt), assuming: scope.facts) != .proved)
    }

    @Test func dataAndFloatsAreRefusedWithTheirLocation() throws {
        let scope = try Assumptions(proc: proc())
        #expect(throws: SMTTranslationError("data `x[...]` cannot appear in an index expression or condition", at: at(4, 7))) {
            try scope.index(v(m) + read(x, lit(0), lit(0), lit(0), at: at(4, 7)))
        }
        #expect(throws: SMTTranslationError("a float cannot appear in an index expression or condition", at: at(2, 2))) {
            try scope.index(Expr(.float(1.5), at: at(2, 2)))
        }
        #expect(throws: SMTTranslationError("`y` is not an index, size or bool value, so the solver cannot use it", at: at(1, 1))) {
            try scope.index(Expr(.read(Sym("y"), []), at: at(1, 1)))
        }
        #expect(throws: SMTTranslationError("expected a condition, found an index expression", at: .unknown)) {
            try scope.condition(v(m))
        }
    }

    @Test func stridesOfDenseTensorsAreProductsOfTrailingDimensions() throws {
        let scope = try Assumptions(proc: proc())
        #expect(try scope.index(stride(x, 0)) == .int(32))
        #expect(try scope.index(stride(x, 1)) == .int(8))
        #expect(try scope.index(stride(x, 2)) == .int(1))
        let smt = try SMTContext()
        let (bt, ct) = (SMTTerm.variable(SMTVariable(B)), SMTTerm.variable(SMTVariable(C)))
        #expect(smt.proveEqual(try scope.index(stride(t, 0)), bt * ct) == .proved)
        #expect(try scope.index(stride(t, 2)) == .int(1))
        // A window argument's strides are unknown but positive.
        #expect(smt.prove(.lt(.int(0), try scope.index(stride(w, 0))), assuming: scope.facts) == .proved)
        #expect(smt.proveEqual(try scope.index(stride(w, 1)), .int(1), assuming: scope.facts) != .proved)
        // A window of x keeps the strides of the dimensions it slices.
        let view = try scope.window(window(x, pt(lit(1)), slice(lit(0), lit(4)), slice(lit(2), lit(6))))
        #expect(view.shape == [.int(4), .int(4)] && view.strides == [.int(8), .int(1)])
    }

    @Test func walkGivesLoopRangesGuardsAndPreconditions() throws {
        let i = Sym("i"), y = Sym("y")
        let thenStmt = assign(y, [], lit(1), at: at(4, 13))
        let elseStmt = assign(y, [], lit(2), at: at(6, 13))
        let p = proc(preconditions: [eq(mod(v(n), lit(4)), lit(0))], body: [
            loop(i, lit(0), div(v(n), lit(4)), [
                alloc(y, i32()),
                ifElse(lt(lit(4) * v(i) + lit(3), v(m)), [thenStmt], else: [elseStmt]),
            ]),
        ])
        let smt = try SMTContext()
        var seen = 0
        try Assumptions.walk(p) { stmt, scope in
            guard stmt == thenStmt || stmt == elseStmt, stmt.loc == thenStmt.loc || stmt.loc == elseStmt.loc else { return }
            seen += 1
            #expect(try smt.prove(lt(lit(4) * v(i) + lit(3), v(n)), in: scope) == .proved)   // loop range + precondition
            let guardHolds = try smt.prove(lt(lit(4) * v(i) + lit(3), v(m)), in: scope)
            #expect(guardHolds.isProved == (stmt.loc == thenStmt.loc))
        }
        #expect(seen == 2)
    }

    @Test func enteringAndDeclareBuildTheSameScopeByHand() throws {
        let i = Sym("i"), z = Sym("z")
        let loopStmt = loop(i, lit(2), v(n), [])
        var scope = try Assumptions(proc: proc()).entering(loopStmt, block: 0)
        #expect(scope.value(of: i) == .variable(SMTVariable(i)))
        try scope.declare(alloc(z, i32(v(i), lit(3))))
        #expect(scope.tensor(z) == SMTTensor(shape: [.variable(SMTVariable(i)), .int(3)], strides: [.int(3), .int(1)]))
        let smt = try SMTContext()
        #expect(try smt.prove(lt(lit(1), v(n)), in: scope) == .proved)   // 2 <= i < n
    }
}
