/// Entry point of the front end: kernel text in Exo's surface syntax to a
/// `KernelModule`. Syntax and name errors are `KernelError(.syntax, ...)` with
/// the line:column of the offending token; types are checked separately
/// (`TypeChecker`).
///
/// A file holds `@proc` and `@instr("C template")` definitions in order; a
/// proc may call procs defined above it or given in `predefined` (a hardware
/// library such as the RVM instructions). For pasting Exo's Python files,
/// top-level `import`/`from` lines are skipped and top-level integer constants
/// (`N = 16`) are substituted where their names are used.
public enum KernelParser {
    public static func parse(_ source: String, file: String? = nil,
                             predefined: [Proc] = []) throws(KernelError) -> KernelModule {
        do throws(KernelError) {
            let tokens = try Lexer.tokenize(source)
            var parser = Parser(tokens: tokens, predefined: predefined)
            return try parser.parseModule()
        } catch {
            var e = error
            if e.file == nil { e.file = file }
            throw e
        }
    }

    /// Parses a file expected to define exactly the named proc (or, without a
    /// name, its last proc).
    public static func parseProc(_ source: String, named name: String? = nil, file: String? = nil,
                                 predefined: [Proc] = []) throws(KernelError) -> Proc {
        let module = try parse(source, file: file, predefined: predefined)
        if let name {
            guard let p = module.proc(named: name) else {
                throw KernelError(.syntax, "no proc named '\(name)' in the file", file: file)
            }
            return p
        }
        guard let p = module.procs.last else {
            throw KernelError(.syntax, "the file defines no proc", at: SourceLocation(line: 1, column: 1), file: file)
        }
        return p
    }
}

/// Recursive-descent parser over the token stream. The grammar pieces live in
/// extensions: procs and types, statements, expressions.
struct Parser {
    let tokens: [Token]
    var index = 0
    var scope = ParserScope()
    /// Procs callable so far: predefined ones, then those parsed above.
    var callable: [String: Proc] = [:]
    var parsed: [Proc] = []
    var constants: [String: Int] = [:]
    /// Current nesting of blocks and sub-expressions; bounded so hostile input
    /// gets an error instead of exhausting the stack.
    var nesting = 0
    static let maxNesting = 200

    init(tokens: [Token], predefined: [Proc]) {
        self.tokens = tokens
        for p in predefined { callable[p.name] = p }
    }

    var current: Token { tokens[index] }
    func peekToken(_ offset: Int = 1) -> Token { tokens[min(index + offset, tokens.count - 1)] }

    @discardableResult
    mutating func advance() -> Token {
        let t = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        return t
    }

    func error(_ message: String, at loc: SourceLocation) -> KernelError {
        KernelError(.syntax, message, at: loc)
    }

    /// "expected X CONTEXT, found Y" at the current token.
    func expected(_ what: String, _ context: String = "") -> KernelError {
        let ctx = context.isEmpty ? "" : " " + context
        return error("expected \(what)\(ctx), found \(current.display)", at: current.loc)
    }

    /// Enters one level of nesting (a block, a parenthesis, a unary operator).
    mutating func enter(at loc: SourceLocation) throws(KernelError) {
        nesting += 1
        if nesting > Parser.maxNesting {
            throw error("nesting deeper than \(Parser.maxNesting) levels", at: loc)
        }
    }

    /// After an item of a `[...]` list: consumes a ',' and tells whether
    /// another item follows (a trailing comma may stand before the ']').
    mutating func continuesBracketList() -> Bool {
        guard current.isOp(",") else { return false }
        advance()
        return !current.isOp("]")
    }

    /// After an item of a `(...)` list: a ',' is consumed, the ')' is left
    /// for the caller, anything else is an error.
    mutating func expectCommaOrCloseParen(_ context: String) throws(KernelError) {
        if current.isOp(",") {
            advance()
        } else if !current.isOp(")") {
            throw expected("',' or ')'", context)
        }
    }

    mutating func expectOp(_ op: String, _ context: String = "") throws(KernelError) {
        guard current.isOp(op) else { throw expected("'\(op)'", context) }
        advance()
    }

    mutating func expectKeyword(_ word: String, _ context: String = "") throws(KernelError) {
        guard current.isName(word) else { throw expected("'\(word)'", context) }
        advance()
    }

    mutating func expectNewline(_ context: String) throws(KernelError) {
        guard current.kind == .newline else { throw expected("'NEWLINE'", context) }
        advance()
    }

    /// A name that may be defined (not a reserved word).
    mutating func expectIdentifier(_ context: String) throws(KernelError) -> (String, SourceLocation) {
        guard let name = current.nameValue, !reservedWords.contains(name) else {
            throw expected("a name", context)
        }
        let loc = current.loc
        advance()
        return (name, loc)
    }

    mutating func parseModule() throws(KernelError) -> KernelModule {
        while current.kind != .end {
            switch current.kind {
            case .newline:
                advance()
            case .indent:
                throw error("unexpected indent", at: current.loc)
            case .op("@"):
                let proc = try parseDecoratedProc()
                if callable[proc.name] != nil, parsed.contains(where: { $0.name == proc.name }) {
                    throw error("proc '\(proc.name)' is defined twice", at: proc.loc)
                }
                callable[proc.name] = proc
                parsed.append(proc)
            case .name("import"), .name("from"):
                while current.kind != .newline && current.kind != .end { advance() }
            case .name(let n) where peekToken().isOp("=") && !reservedWords.contains(n):
                try parseConstant()
            default:
                throw expected("'@proc' or '@instr(...)' before a proc definition")
            }
        }
        return KernelModule(procs: parsed)
    }

    /// `NAME = INT` at top level: a named constant, as Exo files define sizes.
    private mutating func parseConstant() throws(KernelError) {
        let (name, _) = try expectIdentifier("")
        advance()  // '='
        var sign = 1
        if current.isOp("-") {
            sign = -1
            advance()
        }
        guard case .int(let v) = current.kind else {
            throw expected("an integer literal", "as the value of constant '\(name)'")
        }
        advance()
        try expectNewline("after constant '\(name)'")
        constants[name] = sign * v
    }
}
