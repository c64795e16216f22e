import CZ3

/// Translation of `SMTTerm`s into z3 terms, memoised per context.
extension SMTContext {
    /// The z3 term of `t`, built once and retained by the memo.
    func term(_ t: SMTTerm) throws(SMTError) -> Z3_ast {
        if let known = memo[t] { return known }
        let made = try build(t)
        memo[t] = made
        return made
    }

    private func build(_ t: SMTTerm) throws(SMTError) -> Z3_ast {
        switch t.node {
        case .int(let v):
            return try retained(Z3_mk_int64(z3, Int64(v), intSort))
        case .bool(let v):
            return try retained(v ? Z3_mk_true(z3) : Z3_mk_false(z3))
        case .variable(let v):
            let symbol = Z3_mk_string_symbol(z3, symbolName(v))
            return try retained(Z3_mk_const(z3, symbol, v.sort == .int ? intSort : boolSort))
        case .add(let a, let b):
            return try retained(nary(Z3_mk_add, try ints(a, b)))
        case .sub(let a, let b):
            return try retained(nary(Z3_mk_sub, try ints(a, b)))
        case .mul(let a, let b):
            return try retained(nary(Z3_mk_mul, try ints(a, b)))
        case .floorDiv(let a, let b):
            return try floorDivision(a, b).quotient
        case .floorMod(let a, let b):
            return try floorDivision(a, b).remainder
        case .compare(let op, let a, let b):
            switch op {
            case .lt: let x = try ints(a, b); return try retained(Z3_mk_lt(z3, x[0], x[1]))
            case .le: let x = try ints(a, b); return try retained(Z3_mk_le(z3, x[0], x[1]))
            case .eq:
                guard a.sort == b.sort else { throw SMTError("== between an int and a bool") }
                return try retained(Z3_mk_eq(z3, try term(a), try term(b)))
            }
        case .not(let a):
            return try retained(Z3_mk_not(z3, try bools([a])[0]))
        case .and(let parts):
            return try retained(nary(Z3_mk_and, try bools(parts)))
        case .or(let parts):
            return try retained(nary(Z3_mk_or, try bools(parts)))
        case .implies(let a, let b):
            let x = try bools([a, b])
            return try retained(Z3_mk_implies(z3, x[0], x[1]))
        case .ite(let c, let a, let b):
            guard a.sort == b.sort else { throw SMTError("if-then-else branches of different sorts") }
            return try retained(Z3_mk_ite(z3, try bools([c])[0], try term(a), try term(b)))
        }
    }

    /// Python's floor division and modulo from z3's Euclidean ones. For b > 0
    /// they agree. For b < 0 the Euclidean remainder r lies in [0, |b|) while
    /// Python's lies in (b, 0]: when r != 0, Python's is r + b and its
    /// quotient one less (a = b*q + r = b*(q-1) + (r+b)). For a divisor whose
    /// sign is unknown, an if-then-else picks the case.
    private func floorDivision(_ a: SMTTerm, _ b: SMTTerm) throws(SMTError) -> (quotient: Z3_ast, remainder: Z3_ast) {
        let x = try ints(a, b)
        let q = try retained(Z3_mk_div(z3, x[0], x[1]))
        let r = try retained(Z3_mk_mod(z3, x[0], x[1]))
        if let divisor = b.intValue, divisor > 0 { return (q, r) }
        let zero = try term(.int(0))
        let one = try term(.int(1))
        let exact = try retained(Z3_mk_eq(z3, r, zero))
        let keep: Z3_ast
        if let divisor = b.intValue, divisor < 0 {
            keep = exact
        } else {
            let positive = try retained(Z3_mk_le(z3, zero, x[1]))
            keep = try retained(nary(Z3_mk_or, [positive, exact]))
        }
        let qMinus = try retained(nary(Z3_mk_sub, [q, one]))
        let rPlus = try retained(nary(Z3_mk_add, [r, x[1]]))
        let quotient = try retained(Z3_mk_ite(z3, keep, q, qMinus))
        let remainder = try retained(Z3_mk_ite(z3, keep, r, rPlus))
        return (quotient, remainder)
    }

    // MARK: Helpers

    private func ints(_ a: SMTTerm, _ b: SMTTerm) throws(SMTError) -> [Z3_ast] {
        guard a.sort == .int, b.sort == .int else { throw SMTError("arithmetic or ordering on a bool") }
        return [try term(a), try term(b)]
    }

    private func bools(_ ts: [SMTTerm]) throws(SMTError) -> [Z3_ast] {
        var out: [Z3_ast] = []
        out.reserveCapacity(ts.count)
        for t in ts {
            guard t.sort == .bool else { throw SMTError("logic on an int") }
            out.append(try term(t))
        }
        return out
    }

    private func nary(_ make: (Z3_context?, UInt32, UnsafePointer<Z3_ast?>?) -> Z3_ast?, _ args: [Z3_ast]) -> Z3_ast? {
        let optionals: [Z3_ast?] = args
        return optionals.withUnsafeBufferPointer { make(z3, UInt32($0.count), $0.baseAddress) }
    }

    /// Checks z3 accepted the call and keeps the result alive (one reference,
    /// released with the memo).
    private func retained(_ a: Z3_ast?) throws(SMTError) -> Z3_ast {
        guard let a, Z3_get_error_code(z3) == Z3_OK else {
            let code = Z3_get_error_code(z3)
            throw SMTError("z3 refused a term: \(Z3_get_error_msg(z3, code).map { String(cString: $0) } ?? "error")")
        }
        Z3_inc_ref(z3, a)
        retainedTerms.append(a)
        return a
    }

    private func symbolName(_ v: SMTVariable) -> String {
        switch v.identity {
        case .symbol(let id): "\(v.name)!\(id)"
        case .stride(let id, let d): "stride!\(id)!\(d)"
        case .fresh(let id): "\(v.name)!f\(id)"
        case .shadowing(let id, let level): "\(v.name)!\(id)!\(level)"
        }
    }
}
