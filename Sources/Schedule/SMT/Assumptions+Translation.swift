/// Translation of index, size and bool expressions of the IR into solver terms.
extension Assumptions {
    /// The term of an integer (index/size) expression.
    public func index(_ e: Expr) throws(SMTTranslationError) -> SMTTerm {
        let t = try term(e)
        guard t.sort == .int else { throw SMTTranslationError("expected an index expression, found a condition", at: e.loc) }
        return t
    }

    /// The term of a condition.
    public func condition(_ e: Expr) throws(SMTTranslationError) -> SMTTerm {
        let t = try term(e)
        guard t.sort == .bool else { throw SMTTranslationError("expected a condition, found an index expression", at: e.loc) }
        return t
    }

    /// The term of a control expression: reads of size, index, loop and bool
    /// variables, integer and boolean literals, `+ - * / %` (floor division
    /// and modulo, as in Python), comparisons, `and`/`or`/`not`, and
    /// `stride(x, d)`. Data (tensor elements, data scalars, floats, windows)
    /// is refused with an error at its location.
    public func term(_ e: Expr) throws(SMTTranslationError) -> SMTTerm {
        switch e.node {
        case .read(let s, let idx):
            guard idx.isEmpty else {
                throw SMTTranslationError("data `\(s)[...]` cannot appear in an index expression or condition", at: e.loc)
            }
            guard let v = value(of: s) else {
                throw SMTTranslationError("`\(s)` is not an index, size or bool value, so the solver cannot use it", at: e.loc)
            }
            return v
        case .int(let v):
            return .int(v)
        case .bool(let v):
            return .bool(v)
        case .float:
            throw SMTTranslationError("a float cannot appear in an index expression or condition", at: e.loc)
        case .window(let s, _):
            throw SMTTranslationError("window of `\(s)` cannot appear in an index expression or condition", at: e.loc)
        case .stride(let s, let d):
            guard let t = tensor(s) else { throw SMTTranslationError("`\(s)` is not a tensor in scope", at: e.loc) }
            guard t.strides.indices.contains(d) else {
                throw SMTTranslationError("stride(\(s), \(d)): `\(s)` has \(t.rank) dimensions", at: e.loc)
            }
            return t.strides[d]
        case .unary(let op, let a):
            let x = try term(a)
            switch op {
            case .neg:
                guard x.sort == .int else { throw SMTTranslationError("`-` of a condition", at: e.loc) }
                return -x
            case .not:
                guard x.sort == .bool else { throw SMTTranslationError("`not` of an index expression", at: e.loc) }
                return !x
            }
        case .binary(let op, let a, let b):
            return try binary(op, try term(a), try term(b), at: e.loc)
        }
    }

    private func binary(_ op: BinaryOp, _ x: SMTTerm, _ y: SMTTerm, at loc: SourceLocation) throws(SMTTranslationError) -> SMTTerm {
        let bothInt = x.sort == .int && y.sort == .int
        let bothBool = x.sort == .bool && y.sort == .bool
        switch op {
        case .and, .or:
            guard bothBool else { throw SMTTranslationError("`\(op.rawValue)` needs conditions on both sides", at: loc) }
            return op == .and ? x && y : x || y
        case .eq, .ne:
            guard bothInt || bothBool else { throw SMTTranslationError("`\(op.rawValue)` between an index and a condition", at: loc) }
            return op == .eq ? .eq(x, y) : .ne(x, y)
        case .add, .sub, .mul, .div, .mod, .lt, .le, .gt, .ge:
            guard bothInt else { throw SMTTranslationError("`\(op.rawValue)` needs index expressions on both sides", at: loc) }
            switch op {
            case .add: return x + y
            case .sub: return x - y
            case .mul: return x * y
            case .div: return .floorDiv(x, y)
            case .mod: return .floorMod(x, y)
            case .lt: return .lt(x, y)
            case .le: return .le(x, y)
            case .gt: return .gt(x, y)
            default: return .ge(x, y)
            }
        }
    }
}
