/// Expressions by precedence climbing, loosest first (as in Python):
/// or < and < not < comparisons (not chained) < + - < * / % < unary minus < primary.
extension Parser {
    mutating func parseExpr() throws(KernelError) -> Expr {
        try enter(at: current.loc)
        defer { nesting -= 1 }
        return try parseOr()
    }

    private mutating func parseOr() throws(KernelError) -> Expr {
        var lhs = try parseAnd()
        while current.isName("or") {
            advance()
            let rhs = try parseAnd()
            lhs = Expr(.binary(.or, lhs, rhs), at: lhs.loc)
        }
        return lhs
    }

    private mutating func parseAnd() throws(KernelError) -> Expr {
        var lhs = try parseNot()
        while current.isName("and") {
            advance()
            let rhs = try parseNot()
            lhs = Expr(.binary(.and, lhs, rhs), at: lhs.loc)
        }
        return lhs
    }

    private mutating func parseNot() throws(KernelError) -> Expr {
        if current.isName("not") {
            let loc = current.loc
            advance()
            try enter(at: loc)
            defer { nesting -= 1 }
            return Expr(.unary(.not, try parseNot()), at: loc)
        }
        return try parseComparison()
    }

    private static let comparisons: [String: BinaryOp] = [
        "<": .lt, "<=": .le, ">": .gt, ">=": .ge, "==": .eq, "!=": .ne,
    ]

    private mutating func parseComparison() throws(KernelError) -> Expr {
        let lhs = try parseSum()
        guard case .op(let s) = current.kind, let op = Parser.comparisons[s] else { return lhs }
        advance()
        let rhs = try parseSum()
        if case .op(let s2) = current.kind, Parser.comparisons[s2] != nil {
            throw error("chained comparisons are not supported; combine them with 'and'", at: current.loc)
        }
        return Expr(.binary(op, lhs, rhs), at: lhs.loc)
    }

    private mutating func parseSum() throws(KernelError) -> Expr {
        var lhs = try parseProduct()
        while true {
            let op: BinaryOp
            if current.isOp("+") { op = .add } else if current.isOp("-") { op = .sub } else { break }
            advance()
            let rhs = try parseProduct()
            lhs = Expr(.binary(op, lhs, rhs), at: lhs.loc)
        }
        return lhs
    }

    private mutating func parseProduct() throws(KernelError) -> Expr {
        var lhs = try parseUnary()
        while true {
            let op: BinaryOp
            switch current.kind {
            case .op("*"): op = .mul
            case .op("/"): op = .div
            case .op("%"): op = .mod
            case .op("//"):
                throw error("'//' is not supported; '/' on index expressions already rounds down", at: current.loc)
            case .op("**"):
                throw error("unsupported operator '**'", at: current.loc)
            default:
                return lhs
            }
            advance()
            let rhs = try parseUnary()
            lhs = Expr(.binary(op, lhs, rhs), at: lhs.loc)
        }
    }

    /// Unary minus. `-` directly before a number is a negative literal, as
    /// Exo folds it.
    private mutating func parseUnary() throws(KernelError) -> Expr {
        guard current.isOp("-") else { return try parsePrimary() }
        let loc = current.loc
        advance()
        switch current.kind {
        case .int(let v):
            advance()
            return Expr(.int(-v), at: loc)
        case .float(let v):
            advance()
            return Expr(.float(-v), at: loc)
        default:
            try enter(at: loc)
            defer { nesting -= 1 }
            return Expr(.unary(.neg, try parseUnary()), at: loc)
        }
    }

    private mutating func parsePrimary() throws(KernelError) -> Expr {
        let loc = current.loc
        switch current.kind {
        case .int(let v):
            advance()
            return Expr(.int(v), at: loc)
        case .float(let v):
            advance()
            return Expr(.float(v), at: loc)
        case .op("("):
            advance()
            let e = try parseExpr()
            try expectOp(")", "to close '('")
            return e
        case .name("True"):
            advance()
            return Expr(.bool(true), at: loc)
        case .name("False"):
            advance()
            return Expr(.bool(false), at: loc)
        case .name("stride") where peekToken().isOp("(") && scope.lookup("stride") == nil:
            return try parseStride()
        case .name(let name) where !reservedWords.contains(name):
            advance()
            return try parseNameUse(name, at: loc)
        case .string:
            throw error("string literals are only allowed as '@instr' templates", at: loc)
        default:
            throw expected("an expression")
        }
    }

    /// `stride(x, d)` with d an integer literal.
    private mutating func parseStride() throws(KernelError) -> Expr {
        let loc = current.loc
        advance()
        try expectOp("(", "after 'stride'")
        let (name, nameLoc) = try expectIdentifier("as the first argument of 'stride'")
        guard let b = scope.lookup(name) else { throw undefinedName(name, at: nameLoc) }
        try expectOp(",", "after the tensor of 'stride'")
        guard case .int(let dim) = current.kind else {
            throw expected("an integer literal dimension", "in 'stride(\(name), d)'")
        }
        advance()
        try expectOp(")", "after 'stride(\(name), \(dim)'")
        return Expr(.stride(b.sym, dim), at: loc)
    }

    func undefinedName(_ name: String, at loc: SourceLocation) -> KernelError {
        if callable[name] != nil {
            return error("'\(name)' is a proc; procs can only be called as statements", at: loc)
        }
        return error("undefined name '\(name)'", at: loc)
    }

    /// A variable, a tensor element `x[i, j]`, or a window `x[0:4, i]`.
    private mutating func parseNameUse(_ name: String, at loc: SourceLocation) throws(KernelError) -> Expr {
        guard let b = scope.lookup(name) else {
            if let v = constants[name], !current.isOp("[") { return Expr(.int(v), at: loc) }
            throw undefinedName(name, at: loc)
        }
        guard current.isOp("[") else { return Expr(.read(b.sym, []), at: loc) }
        advance()
        var accesses: [WindowAccess] = []
        var isWindow = false
        repeat {
            let dim = accesses.count
            var lo: Expr? = nil
            if !current.isOp(":") { lo = try parseExpr() }
            if current.isOp(":") {
                let colonLoc = current.loc
                advance()
                isWindow = true
                var hi: Expr? = nil
                if !current.isOp(",") && !current.isOp("]") { hi = try parseExpr() }
                let low = lo ?? Expr(.int(0), at: colonLoc)
                let high: Expr
                if let hi { high = hi } else { high = try defaultHigh(of: b, name: name, dim: dim, at: colonLoc) }
                accesses.append(.interval(low, high))
            } else if let lo {
                accesses.append(.point(lo))
            }
        } while continuesBracketList()
        try expectOp("]", "after the indices of '\(name)'")
        if isWindow { return Expr(.window(b.sym, accesses), at: loc) }
        return Expr(.read(b.sym, accesses.flatMap(\.exprs)), at: loc)
    }

    /// `x[a:]` runs to the end of that dimension of x.
    private func defaultHigh(of b: Binding, name: String, dim: Int, at loc: SourceLocation) throws(KernelError) -> Expr {
        guard case .data(let shape) = b.kind, dim < shape.count else {
            throw error("cannot take an open-ended slice of dimension \(dim) of '\(name)', which has no such dimension", at: loc)
        }
        var e = shape[dim]
        e.loc = loc
        return e
    }
}
