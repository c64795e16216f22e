/// Recursive-descent parser for pattern strings (see `Pattern`).
struct PatternParser {
    private var tokens: [PatternToken]
    private var pos = 0
    private let source: String

    private init(_ source: String) throws {
        self.source = source
        self.tokens = try PatternLexer.tokens(source)
    }

    /// Parses `pattern` or `pattern #n`.
    static func query(_ text: String) throws -> PatternQuery {
        var body = text
        var number: Int? = nil
        if let hash = text.lastIndex(of: "#") {
            let suffix = text[text.index(after: hash)...].trimmingSpaces
            guard let n = Int(suffix), n >= 0 else {
                throw KernelError(.schedule, "pattern `\(text)`: expected a match number after `#`")
            }
            number = n
            body = String(text[..<hash])
        }
        var p = try PatternParser(body)
        let pattern = try p.parseTop()
        return PatternQuery(pattern: pattern, matchNumber: number, source: text)
    }

    /// Parses a hole-free expression (for scheduling arguments given as text).
    static func expression(_ text: String) throws -> PatternExpr {
        var p = try PatternParser(text)
        p.skipNewlines()
        let e = try p.parseExpr()
        p.skipNewlines()
        guard p.peek == .end else { throw p.error("unexpected \(p.peekText) after the expression") }
        return e
    }

    // MARK: statements

    private mutating func parseTop() throws -> Pattern {
        var stmts: [PatternStmt] = []
        var lastExpr: PatternExpr? = nil
        skipNewlines()
        while peek != .end {
            if case .some(let e) = try parseStmtOrExpr() {
                lastExpr = e.expr
                if let s = e.stmt { stmts.append(s) }
            }
            guard peek == .end || peek == .newline || peek == .op(";") else {
                throw error("unexpected \(peekText)")
            }
            while peek == .newline || peek == .op(";") { advance() }
        }
        if stmts.isEmpty, let e = lastExpr { return .expr(e) }
        guard !stmts.isEmpty else { throw error("empty pattern") }
        if stmts.allSatisfy({ $0 == .hole }) { throw error("a pattern of only `_` would match anything") }
        return .stmts(stmts)
    }

    /// A statement, or a bare expression (which at top level is an expression pattern).
    private mutating func parseStmtOrExpr() throws -> (stmt: PatternStmt?, expr: PatternExpr?)? {
        switch peek {
        case .name("for"): return (try parseLoop(), nil)
        case .name("if"): return (try parseIf(), nil)
        case .name("pass"): advance(); return (.pass, nil)
        case .name("_") where isStmtEnd(at: pos + 1): advance(); return (.hole, nil)
        case .name(let n) where tokens[pos + 1] == .op(":"):
            advance(); advance()
            return (.alloc(n, try parseTypeSizes()), nil)
        default: break
        }
        let start = pos
        let e = try parseExpr()
        switch peek {
        case .op("="), .op("+="):
            let isReduce = peek == .op("+=")
            advance()
            let rhs = try parseExpr()
            guard case .read(let name, let idx) = e else {
                pos = start
                throw error("the left side of an assignment pattern must be a name or `name[...]`")
            }
            return (isReduce ? .reduce(name, idx, rhs) : .assign(name, idx, rhs), nil)
        default:
            if case .builtin(let f, _) = e { return (.call(f), e) }
            return (nil, e)
        }
    }

    private mutating func parseBody() throws -> [PatternStmt] {
        var out: [PatternStmt] = []
        repeat {
            if peek == .op(";") { advance() }
            guard let (s, e) = try parseStmtOrExpr() else { break }
            if let s { out.append(s) } else if e != nil { throw error("expected a statement in a block pattern") }
        } while peek == .op(";") && !isStmtEnd(at: pos + 1)
        return out
    }

    private mutating func parseLoop() throws -> PatternStmt {
        advance()  // for
        guard case .name(let iter) = peek else { throw error("expected a loop variable after `for`") }
        advance()
        try expect(.name("in"))
        var lo: PatternExpr? = nil
        let hi: PatternExpr
        if peek == .name("seq") {
            advance()
            try expect(.op("("))
            lo = try parseExpr()
            try expect(.op(","))
            hi = try parseExpr()
            try expect(.op(")"))
        } else {
            hi = try parseExpr()
        }
        try expect(.op(":"))
        return .loop(iter, lo, hi, try parseBody())
    }

    private mutating func parseIf() throws -> PatternStmt {
        advance()  // if
        let cond = try parseExpr()
        try expect(.op(":"))
        let body = try parseBody()
        var orelse: [PatternStmt] = []
        if peek == .name("else") {
            advance()
            try expect(.op(":"))
            orelse = try parseBody()
        }
        return .ifElse(cond, body, orelse)
    }

    /// `_`, `i32`, `i32[_, 4]`, optionally `@ MEM`; returns the size patterns.
    private mutating func parseTypeSizes() throws -> [PatternExpr] {
        var sizes: [PatternExpr] = []
        if peek == .op("[") {  // window type `[i32][4, 4]`
            advance()
            _ = try parseExpr()
            try expect(.op("]"))
        } else {
            guard case .name = peek else { throw error("expected a type or `_` in an allocation pattern") }
            advance()
        }
        if peek == .op("[") {
            advance()
            sizes = try parseList(until: "]")
        }
        if peek == .op("@") {
            advance()
            guard case .name = peek else { throw error("expected a memory name after `@`") }
            advance()
        }
        return sizes
    }

    // MARK: expressions

    mutating func parseExpr() throws -> PatternExpr { try parseOr() }

    private mutating func parseOr() throws -> PatternExpr {
        var e = try parseAnd()
        while peek == .name("or") { advance(); e = .binary(.or, e, try parseAnd()) }
        return e
    }
    private mutating func parseAnd() throws -> PatternExpr {
        var e = try parseNot()
        while peek == .name("and") { advance(); e = .binary(.and, e, try parseNot()) }
        return e
    }
    private mutating func parseNot() throws -> PatternExpr {
        if peek == .name("not") { advance(); return .unary(.not, try parseNot()) }
        return try parseComparison()
    }
    private mutating func parseComparison() throws -> PatternExpr {
        let e = try parseSum()
        for op in [BinaryOp.lt, .le, .gt, .ge, .eq, .ne] where peek == .op(op.rawValue) {
            advance()
            return .binary(op, e, try parseSum())
        }
        return e
    }
    private mutating func parseSum() throws -> PatternExpr {
        var e = try parseProduct()
        while true {
            if peek == .op("+") { advance(); e = .binary(.add, e, try parseProduct()) }
            else if peek == .op("-") { advance(); e = .binary(.sub, e, try parseProduct()) }
            else { return e }
        }
    }
    private mutating func parseProduct() throws -> PatternExpr {
        var e = try parseUnary()
        while true {
            if peek == .op("*") { advance(); e = .binary(.mul, e, try parseUnary()) }
            else if peek == .op("/") { advance(); e = .binary(.div, e, try parseUnary()) }
            else if peek == .op("%") { advance(); e = .binary(.mod, e, try parseUnary()) }
            else { return e }
        }
    }
    private mutating func parseUnary() throws -> PatternExpr {
        if peek == .op("-") {
            advance()
            let a = try parseUnary()
            switch a {  // `-3` matches the constant -3, as in Exo
            case .int(let v): return .int(-v)
            case .float(let v): return .float(-v)
            default: return .unary(.neg, a)
            }
        }
        return try parsePrimary()
    }
    private mutating func parsePrimary() throws -> PatternExpr {
        switch peek {
        case .int(let v): advance(); return .int(v)
        case .float(let v): advance(); return .float(v)
        case .op("("):
            advance()
            let e = try parseExpr()
            try expect(.op(")"))
            return e
        case .name("True"): advance(); return .bool(true)
        case .name("False"): advance(); return .bool(false)
        case .name("_"): advance(); return .hole
        case .name(let n):
            advance()
            if peek == .op("(") {
                advance()
                return .builtin(n, try parseList(until: ")"))
            }
            if peek == .op("[") {
                advance()
                var accesses: [PatternWindowAccess] = []
                var isWindow = false
                if peek != .op("]") {
                    while true {
                        let a = try parseExpr()
                        if peek == .op(":") {
                            advance()
                            accesses.append(.interval(a, try parseExpr()))
                            isWindow = true
                        } else {
                            accesses.append(.point(a))
                        }
                        if peek == .op(",") { advance(); continue }
                        break
                    }
                }
                try expect(.op("]"))
                if isWindow { return .window(n, accesses) }
                return .read(n, accesses.map { if case .point(let e) = $0 { e } else { .hole } })
            }
            return .read(n, [])
        default:
            throw error("expected an expression, found \(peekText)")
        }
    }

    private mutating func parseList(until close: String) throws -> [PatternExpr] {
        var out: [PatternExpr] = []
        if peek == .op(close) { advance(); return out }
        while true {
            out.append(try parseExpr())
            if peek == .op(",") { advance(); continue }
            try expect(.op(close))
            return out
        }
    }

    // MARK: tokens

    private var peek: PatternToken { tokens[pos] }
    private var peekText: String {
        switch peek {
        case .name(let n): "`\(n)`"
        case .int(let v): "`\(v)`"
        case .float(let v): "`\(v)`"
        case .op(let o): "`\(o)`"
        case .newline: "end of line"
        case .end: "end of pattern"
        }
    }
    private mutating func advance() { if pos < tokens.count - 1 { pos += 1 } }
    private mutating func skipNewlines() { while peek == .newline { advance() } }
    private func isStmtEnd(at k: Int) -> Bool {
        k >= tokens.count || tokens[k] == .end || tokens[k] == .newline || tokens[k] == .op(";") || tokens[k] == .name("else")
    }
    private mutating func expect(_ t: PatternToken) throws {
        guard peek == t else {
            let want: String
            switch t {
            case .name(let n): want = "`\(n)`"
            case .op(let o): want = "`\(o)`"
            default: want = "\(t)"
            }
            throw error("expected \(want), found \(peekText)")
        }
        advance()
    }
    func error(_ what: String) -> KernelError {
        KernelError(.schedule, "pattern `\(source)`: \(what)")
    }
}

extension Substring {
    var trimmingSpaces: String {
        String(drop(while: { $0 == " " || $0 == "\t" }).reversed().drop(while: { $0 == " " || $0 == "\t" }).reversed())
    }
}
