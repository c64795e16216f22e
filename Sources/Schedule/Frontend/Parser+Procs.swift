/// Proc definitions: decorator, signature (arguments and their types), body.
extension Parser {
    mutating func parseDecoratedProc() throws(KernelError) -> Proc {
        try expectOp("@")
        let decoratorLoc = current.loc
        var template: String? = nil
        if current.isName("proc") {
            advance()
        } else if current.isName("instr") {
            advance()
            try expectOp("(", "after '@instr'")
            template = try parseStringConcatenation("as the C template of '@instr'")
            try expectOp(")", "after the '@instr' template")
        } else {
            throw error("expected 'proc' or 'instr' after '@', found \(current.display)", at: decoratorLoc)
        }
        try expectNewline("after the decorator")
        guard current.isName("def") else { throw expected("'def'", "after the decorator") }
        let defLoc = current.loc
        advance()
        let (name, _) = try expectIdentifier("after 'def'")

        scope = ParserScope()
        let params = try parseParams(of: name)
        if current.isOp("->") {
            throw error("procs have no return type", at: current.loc)
        }
        try expectOp(":", "after the signature of '\(name)'")
        let (preconditions, body) = try parseProcBody(name)
        return Proc(name: name, params: params, preconditions: preconditions, body: body,
                    instructionTemplate: template, at: defLoc)
    }

    /// One or more adjacent string literals, joined as Python joins them.
    mutating func parseStringConcatenation(_ context: String) throws(KernelError) -> String {
        guard case .string(var text) = current.kind else { throw expected("a string literal", context) }
        advance()
        while case .string(let more) = current.kind {
            text += more
            advance()
        }
        return text
    }

    /// `(a: size, x: i32[a, 4] @ DRAM, ...)`. Names are bound before any type
    /// is read, so a shape may mention a size argument declared later.
    private mutating func parseParams(of procName: String) throws(KernelError) -> [Param] {
        guard current.isOp("(") else { throw expected("'('", "after the proc name '\(procName)'") }
        try predeclareParams()
        advance()
        var params: [Param] = []
        while !current.isOp(")") {
            let (name, loc) = try expectIdentifier("as an argument name")
            guard let binding = scope.lookup(name) else {
                throw error("internal: argument '\(name)' was not pre-declared", at: loc)
            }
            try expectOp(":", "after argument '\(name)' (arguments need a type, as in 'x: i32[4]')")
            let type = try parseType(context: "for argument '\(name)'")
            var memory: MemoryName? = nil
            if current.isOp("@") {
                advance()
                memory = try parseMemoryName()
            }
            if type.isData {
                memory = memory ?? .dram
                scope.define(name, Binding(sym: binding.sym, kind: .data(shape: type.shape)))
            } else {
                memory = nil  // Exo prints '@ DRAM' on control arguments; it means nothing there
            }
            params.append(Param(name: binding.sym, type: type, memory: memory))
            try expectCommaOrCloseParen("in the argument list")
        }
        advance()
        return params
    }

    /// Scans `( ... )` for `name :` at bracket depth 1 and binds each name.
    private mutating func predeclareParams() throws(KernelError) {
        var depth = 1
        var i = index + 1
        var atArgStart = true
        while i < tokens.count {
            let t = tokens[i]
            if t.kind == .end { break }
            if t.isOp("(") || t.isOp("[") {
                depth += 1
            } else if t.isOp(")") || t.isOp("]") {
                depth -= 1
                if depth == 0 { break }
            } else if depth == 1 && t.isOp(",") {
                atArgStart = true
                i += 1
                continue
            } else if depth == 1 && atArgStart, let name = t.nameValue, !reservedWords.contains(name),
                      i + 1 < tokens.count, tokens[i + 1].isOp(":") {
                if scope.lookup(name) != nil {
                    throw error("repeated argument name '\(name)'", at: t.loc)
                }
                scope.define(name, Binding(sym: Sym(name), kind: .control))
            }
            atArgStart = false
            i += 1
        }
    }

    mutating func parseMemoryName() throws(KernelError) -> MemoryName {
        guard let name = current.nameValue, !reservedWords.contains(name) else {
            throw expected("a memory name", "after '@'")
        }
        advance()
        return MemoryName(name)
    }

    /// `size`, `index`, `bool`, `i32`, `i32[n, 4]`, `[i32][4, 4]`.
    mutating func parseType(context: String) throws(KernelError) -> DataType {
        if current.isOp("[") {
            advance()
            let element = try parseScalarType(context: "inside '[...]' of a window type")
            try expectOp("]", "after the element type of a window type")
            guard current.isOp("[") else { throw expected("'['", "with the shape of a window type") }
            let shape = try parseShape()
            return .tensor(element, shape: shape, isWindow: true)
        }
        guard let name = current.nameValue else { throw expected("a type", context) }
        switch name {
        case "size": advance(); return .size
        case "index": advance(); return .index
        case "bool": advance(); return .bool
        default:
            let element = try parseScalarType(context: context)
            if current.isOp("[") {
                return .tensor(element, shape: try parseShape(), isWindow: false)
            }
            return .scalar(element)
        }
    }

    private mutating func parseScalarType(context: String) throws(KernelError) -> ScalarType {
        guard let name = current.nameValue else { throw expected("an element type (i8, i16, i32, f32)", context) }
        guard let t = ScalarType(rawValue: name) else {
            throw error("unsupported type '\(name)' \(context); expected size, index, bool, i8, i16, i32 or f32",
                        at: current.loc)
        }
        advance()
        return t
    }

    /// `[e1, e2, ...]` of a tensor type.
    private mutating func parseShape() throws(KernelError) -> [Expr] {
        try expectOp("[")
        var dims: [Expr] = []
        repeat {
            dims.append(try parseExpr())
        } while continuesBracketList()
        try expectOp("]", "after the shape of a tensor type")
        return dims
    }

    /// Leading `assert`s become preconditions; the rest is the body.
    private mutating func parseProcBody(_ name: String) throws(KernelError) -> ([Expr], [Stmt]) {
        try expectNewline("after ':' of 'def \(name)'")
        guard current.kind == .indent else { throw expected("an indented block", "after 'def \(name)(...):'") }
        advance()
        var preconditions: [Expr] = []
        while current.isName("assert") {
            advance()
            preconditions.append(try parseExpr())
            if current.isOp(",") {
                throw error("preconditions take no message", at: current.loc)
            }
            try expectNewline("after the assertion")
        }
        var body: [Stmt] = []
        while current.kind != .dedent && current.kind != .end {
            body.append(try parseStatement())
        }
        advance()
        return (preconditions, body)
    }
}
