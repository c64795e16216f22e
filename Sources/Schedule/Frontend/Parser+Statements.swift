/// Statements: loops, conditionals, allocations, assignments, reductions,
/// window definitions, calls and `pass`.
extension Parser {
    mutating func parseStatement() throws(KernelError) -> Stmt {
        let loc = current.loc
        switch current.kind {
        case .name("for"): return try parseFor()
        case .name("if"): return try parseIf()
        case .name("pass"):
            advance()
            try expectNewline("after 'pass'")
            return Stmt(.pass, at: loc)
        case .name("assert"):
            throw error("'assert' is only allowed at the top of a proc body, before any other statement", at: loc)
        case .name("elif"), .name("else"):
            throw error("'\(current.nameValue ?? "")' without a matching 'if'", at: loc)
        case .indent:
            throw error("unexpected indent", at: loc)
        case .string:
            throw error("docstrings are not supported (Exo rejects them too); use '#' comments", at: loc)
        case .name(let name) where !reservedWords.contains(name):
            if peekToken().isOp(":") { return try parseAlloc() }
            if peekToken().isOp("(") { return try parseCall() }
            return try parseAssignment()
        default:
            throw expected("a statement")
        }
    }

    /// After a header's ':' comes NEWLINE, INDENT, statements, DEDENT. The
    /// block is its own scope.
    private mutating func parseBlock(after header: String, binding: (String, Binding)? = nil) throws(KernelError) -> [Stmt] {
        try expectOp(":", "after \(header)")
        try expectNewline("after ':' of \(header)")
        guard current.kind == .indent else { throw expected("an indented block", "after \(header)") }
        try enter(at: current.loc)
        defer { nesting -= 1 }
        advance()
        scope.push()
        if let (name, b) = binding { scope.define(name, b) }
        var body: [Stmt] = []
        while current.kind != .dedent && current.kind != .end {
            body.append(try parseStatement())
        }
        scope.pop()
        advance()
        return body
    }

    private mutating func parseFor() throws(KernelError) -> Stmt {
        let loc = current.loc
        advance()
        let (name, _) = try expectIdentifier("as the loop variable after 'for'")
        try expectKeyword("in", "after the loop variable '\(name)'")
        guard current.isName("seq") else {
            throw expected("'seq'", "after 'in' (loops are written 'for \(name) in seq(lo, hi):')")
        }
        advance()
        try expectOp("(", "after 'seq'")
        let lo = try parseExpr()
        try expectOp(",", "between the bounds of 'seq(lo, hi)'")
        let hi = try parseExpr()
        try expectOp(")", "after the bounds of 'seq(lo, hi)'")
        let iter = Sym(name)
        let body = try parseBlock(after: "loop header", binding: (name, Binding(sym: iter, kind: .control)))
        return Stmt(.loop(iter, lo, hi, body), at: loc)
    }

    /// `if`/`elif`/`else`; an `elif` is an `if` alone in the else branch.
    private mutating func parseIf() throws(KernelError) -> Stmt {
        let loc = current.loc
        let keyword = current.nameValue ?? "if"
        advance()
        let cond = try parseExpr()
        let body = try parseBlock(after: "'\(keyword)' condition")
        var orelse: [Stmt] = []
        if current.isName("elif") {
            orelse = [try parseIf()]
        } else if current.isName("else") {
            advance()
            orelse = try parseBlock(after: "'else'")
        }
        return Stmt(.ifElse(cond, body, orelse), at: loc)
    }

    /// `name: i32[4, 4] @ DRAM_STATIC` (memory DRAM when not written).
    private mutating func parseAlloc() throws(KernelError) -> Stmt {
        let loc = current.loc
        let (name, _) = try expectIdentifier("")
        advance()  // ':'
        let typeLoc = current.loc
        let type = try parseType(context: "for allocation '\(name)'")
        switch type {
        case .scalar, .tensor(_, _, isWindow: false): break
        case .tensor:
            throw error("allocation '\(name)' cannot have a window type; windows are bound with '\(name) = x[...]'", at: typeLoc)
        default:
            throw error("cannot allocate '\(name)' of type '\(type == .size ? "size" : type == .index ? "index" : "bool")'; allocations hold data (i8, i16, i32, f32)", at: typeLoc)
        }
        var memory = MemoryName.dram
        if current.isOp("@") {
            advance()
            memory = try parseMemoryName()
        }
        try expectNewline("after the allocation of '\(name)'")
        let sym = Sym(name)
        scope.define(name, Binding(sym: sym, kind: .data(shape: type.shape)))
        return Stmt(.alloc(sym, type, memory), at: loc)
    }

    /// `f(arg, ...)` where f is a proc defined above or predefined.
    private mutating func parseCall() throws(KernelError) -> Stmt {
        let loc = current.loc
        let (name, nameLoc) = try expectIdentifier("")
        guard let callee = callable[name] else {
            if scope.lookup(name) != nil {
                throw error("'\(name)' is a variable, not a proc", at: nameLoc)
            }
            throw error("undefined proc '\(name)' (a proc can only call procs defined above it)", at: nameLoc)
        }
        try expectOp("(")
        var args: [Expr] = []
        while !current.isOp(")") {
            args.append(widenPartialRead(try parseExpr()))
            try expectCommaOrCloseParen("in the arguments of '\(name)'")
        }
        advance()
        try expectNewline("after the call of '\(name)'")
        return Stmt(.call(callee, args), at: loc)
    }

    /// `x = e`, `x[i, j] += e`, or the window definition `w = x[0:4, i]`.
    private mutating func parseAssignment() throws(KernelError) -> Stmt {
        let loc = current.loc
        let (name, nameLoc) = try expectIdentifier("")
        let binding = scope.lookup(name)
        var idx: [Expr] = []
        if current.isOp("[") {
            advance()
            repeat {
                idx.append(try parseExpr())
            } while continuesBracketList()
            try expectOp("]", "after the indices of '\(name)'")
        }
        let opLoc = current.loc
        let isReduce: Bool
        switch current.kind {
        case .op("="): isReduce = false
        case .op("+="): isReduce = true
        case .op("-="), .op("*="), .op("/="), .op("%="):
            throw error("only '=' and '+=' are supported, found \(current.display)", at: opLoc)
        default:
            throw expected("'=' or '+='", "after '\(name)'")
        }
        advance()

        guard let binding else {
            if constants[name] != nil || callable[name] != nil {
                throw error("cannot assign to '\(name)', which is not a variable", at: nameLoc)
            }
            // An undefined name on the left can only bind a window.
            let rhs = widenPartialRead(try parseExpr())
            try expectNewline("after the statement")
            guard idx.isEmpty, !isReduce, case .window = rhs.node else {
                throw error("undefined name '\(name)' (declare it first, e.g. '\(name): i32', or bind a window, e.g. '\(name) = x[0:4, i]')", at: nameLoc)
            }
            let sym = Sym(name)
            scope.define(name, Binding(sym: sym, kind: .data(shape: windowShape(rhs))))
            return Stmt(.windowDef(sym, rhs), at: loc)
        }
        let rhs = try parseExpr()
        try expectNewline("after the statement")
        return Stmt(isReduce ? .reduce(binding.sym, idx, rhs) : .assign(binding.sym, idx, rhs), at: loc)
    }

    /// Exo's sugar: `x[i]` on a 2-D tensor, as a call argument or a window
    /// definition, means `x[i, 0:n]`.
    mutating func widenPartialRead(_ e: Expr) -> Expr {
        guard case .read(let sym, let idx) = e.node, !idx.isEmpty,
              let b = bindingOf(sym), case .data(let shape) = b.kind, idx.count < shape.count else { return e }
        var accesses = idx.map { WindowAccess.point($0) }
        for d in idx.count..<shape.count {
            accesses.append(.interval(Expr(.int(0), at: e.loc), shape[d]))
        }
        return Expr(.window(sym, accesses), at: e.loc)
    }

    private func bindingOf(_ sym: Sym) -> Binding? {
        guard let b = scope.lookup(sym.name), b.sym == sym else { return nil }
        return b
    }

    /// Dimensions of a window: `hi - lo` of each interval (just `hi` when lo is 0).
    func windowShape(_ e: Expr) -> [Expr] {
        guard case .window(_, let accesses) = e.node else { return [] }
        return accesses.compactMap { a -> Expr? in
            guard case .interval(let lo, let hi) = a else { return nil }
            return WindowShape.extent(lo: lo, hi: hi)
        }
    }
}
