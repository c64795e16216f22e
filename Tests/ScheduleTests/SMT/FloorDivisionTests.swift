import Testing
@testable import Schedule

/// Python's `//` and `%` computed a second, independent way: through
/// floating point (exact for these small values), as `math.floor(a / b)`.
private func pythonFloorDiv(_ a: Int, _ b: Int) -> Int { Int((Double(a) / Double(b)).rounded(.down)) }
private func pythonMod(_ a: Int, _ b: Int) -> Int { a - b * pythonFloorDiv(a, b) }

@Suite struct FloorDivisionTests {
    static let dividends = Array(-9...9)
    static let divisors = [-5, -4, -3, -2, -1, 1, 2, 3, 4, 5]

    @Test func swiftReferenceMatchesPythonValues() {
        // A few values written down from Python 3.
        #expect(FloorArithmetic.divide(-7, 2) == -4 && FloorArithmetic.modulo(-7, 2) == 1)
        #expect(FloorArithmetic.divide(7, -2) == -4 && FloorArithmetic.modulo(7, -2) == -1)
        #expect(FloorArithmetic.divide(-7, -2) == 3 && FloorArithmetic.modulo(-7, -2) == -1)
        #expect(FloorArithmetic.divide(6, -3) == -2 && FloorArithmetic.modulo(6, -3) == 0)
        #expect(FloorArithmetic.divide(1, 0) == nil && FloorArithmetic.modulo(1, 0) == nil)
        #expect(FloorArithmetic.divide(Int.min, -1) == nil && FloorArithmetic.modulo(Int.min, -1) == 0)
        for a in Self.dividends {
            for b in Self.divisors {
                #expect(FloorArithmetic.divide(a, b) == pythonFloorDiv(a, b), "\(a) // \(b)")
                #expect(FloorArithmetic.modulo(a, b) == pythonMod(a, b), "\(a) % \(b)")
            }
        }
    }

    /// The solver's encoding, with variables so nothing is folded in Swift:
    /// x == a and y == b imply x // y == ref and x % y == ref.
    @Test(arguments: divisors)
    func solverEncodingWithUnknownSignDivisor(b: Int) throws {
        let smt = try SMTContext()
        let x = SMTTerm.freshInt("x"), y = SMTTerm.freshInt("y")
        for a in Self.dividends {
            let facts: [SMTTerm] = [.eq(x, .int(a)), .eq(y, .int(b))]
            #expect(smt.prove(.eq(.floorDiv(x, y), .int(pythonFloorDiv(a, b))), assuming: facts) == .proved, "\(a) // \(b)")
            #expect(smt.prove(.eq(.floorMod(x, y), .int(pythonMod(a, b))), assuming: facts) == .proved, "\(a) % \(b)")
        }
    }

    /// Literal divisors take a shorter path (positive: z3's own div/mod; negative: the fixed-up form).
    @Test(arguments: divisors)
    func solverEncodingWithLiteralDivisor(b: Int) throws {
        let smt = try SMTContext()
        let x = SMTTerm.freshInt("x")
        for a in Self.dividends {
            let facts: [SMTTerm] = [.eq(x, .int(a))]
            #expect(smt.prove(.eq(.floorDiv(x, .int(b)), .int(pythonFloorDiv(a, b))), assuming: facts) == .proved, "\(a) // \(b)")
            #expect(smt.prove(.eq(.floorMod(x, .int(b)), .int(pythonMod(a, b))), assuming: facts) == .proved, "\(a) % \(b)")
        }
    }

    /// The model's value for x // y agrees with the reference (not just a proof of one equality).
    @Test func modelValuesOfQuotientAndRemainder() throws {
        let smt = try SMTContext()
        let x = SMTTerm.freshInt("x"), y = SMTTerm.freshInt("y")
        let q = SMTTerm.freshInt("q"), r = SMTTerm.freshInt("r")
        let facts: [SMTTerm] = [.eq(x, .int(-13)), .eq(y, .int(4)), .eq(q, .floorDiv(x, y)), .eq(r, .floorMod(x, y))]
        guard case .satisfiable(let m) = smt.checkSatisfiable(facts) else {
            Issue.record("consistent facts")
            return
        }
        #expect(m["q"] == -4 && m["r"] == 3)
    }

    @Test func divisionIdentityHoldsForAllNonZeroDivisors() throws {
        let smt = try SMTContext()
        let x = SMTTerm.freshInt("x"), y = SMTTerm.freshInt("y")
        let identity = SMTTerm.eq(x, y * .floorDiv(x, y) + .floorMod(x, y))
        #expect(smt.prove(identity, assuming: [.ne(y, .int(0))]) == .proved)
        // The remainder has the sign of the divisor.
        #expect(smt.prove(.le(.floorMod(x, y), .int(0)) && .lt(y, .floorMod(x, y)), assuming: [.lt(y, .int(0))]) == .proved)
    }
}
