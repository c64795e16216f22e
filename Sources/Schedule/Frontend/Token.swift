/// One lexical token of kernel text. Layout tokens (NEWLINE, INDENT, DEDENT)
/// come from Python's indentation rules, so the parser never looks at spaces.
struct Token: Sendable {
    enum Kind: Equatable, Sendable {
        case name(String)
        case int(Int)
        case float(Double)
        case string(String)
        /// Punctuation and operators, spelled as in the source (`(`, `+=`, `<=`, `@`, ...).
        case op(String)
        case newline
        case indent
        case dedent
        case end
    }

    var kind: Kind
    var loc: SourceLocation

    /// How the token reads in an error message ("found 'NEWLINE'").
    var display: String {
        switch kind {
        case .name(let s): "'\(s)'"
        case .int(let v): "'\(v)'"
        case .float(let v): "'\(v)'"
        case .string: "string literal"
        case .op(let s): "'\(s)'"
        case .newline: "'NEWLINE'"
        case .indent: "'INDENT'"
        case .dedent: "'DEDENT'"
        case .end: "end of file"
        }
    }

    func isOp(_ s: String) -> Bool {
        if case .op(let o) = kind { return o == s }
        return false
    }

    func isName(_ s: String) -> Bool {
        if case .name(let n) = kind { return n == s }
        return false
    }

    var nameValue: String? {
        if case .name(let n) = kind { return n }
        return nil
    }
}

/// Words the parser gives meaning to; they cannot name variables or procs.
let reservedWords: Set<String> = [
    "def", "for", "in", "if", "elif", "else", "pass", "assert", "and", "or", "not",
    "True", "False", "return", "while", "lambda", "import", "from", "None",
]
