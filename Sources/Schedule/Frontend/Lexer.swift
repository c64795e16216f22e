/// Turns kernel text into tokens with Python's layout rules: INDENT/DEDENT
/// from leading spaces, NEWLINE at the end of each logical line, lines joined
/// inside brackets or after a backslash, `#` comments and blank lines skipped.
/// Works on UTF-8 bytes; columns count characters (1-based).
struct Lexer {
    private let bytes: [UInt8]
    private var pos = 0
    private var line = 1
    private var col = 1
    private var indents: [Int] = [0]
    private var brackets: [(UInt8, SourceLocation)] = []
    private var atLineStart = true
    private var tokens: [Token] = []
    /// Where the last real token ended: a NEWLINE is reported there, right where
    /// a missing ':' or ')' belongs.
    private var lastEnd = SourceLocation(line: 1, column: 1)

    init(_ source: String) {
        bytes = Array(source.utf8)
    }

    static func tokenize(_ source: String) throws(KernelError) -> [Token] {
        var lexer = Lexer(source)
        try lexer.run()
        return lexer.tokens
    }

    private var here: SourceLocation { SourceLocation(line: line, column: col) }

    private func peek(_ offset: Int = 0) -> UInt8? {
        let i = pos + offset
        return i < bytes.count ? bytes[i] : nil
    }

    private mutating func advance() {
        let b = bytes[pos]
        pos += 1
        if b == UInt8(ascii: "\n") {
            line += 1
            col = 1
        } else if b & 0xC0 != 0x80 {
            col += 1
        }
    }

    private mutating func emit(_ kind: Token.Kind, at loc: SourceLocation) {
        tokens.append(Token(kind: kind, loc: loc))
        switch kind {
        case .newline, .indent, .dedent, .end: break
        default: lastEnd = here
        }
    }

    private func error(_ message: String, at loc: SourceLocation) -> KernelError {
        KernelError(.syntax, message, at: loc)
    }

    private mutating func run() throws(KernelError) {
        while true {
            if atLineStart && brackets.isEmpty {
                if try !handleIndentation() { break }
                continue
            }
            guard let b = peek() else { break }
            switch b {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), 0x0C:
                advance()
            case UInt8(ascii: "#"):
                while let c = peek(), c != UInt8(ascii: "\n") { advance() }
            case UInt8(ascii: "\\"):
                let loc = here
                advance()
                if peek() == UInt8(ascii: "\r") { advance() }
                guard peek() == UInt8(ascii: "\n") else {
                    throw error("unexpected character '\\' (a line continuation must end the line)", at: loc)
                }
                advance()
            case UInt8(ascii: "\n"):
                if brackets.isEmpty {
                    emit(.newline, at: lastEnd)
                    atLineStart = true
                }
                advance()
            default:
                try lexToken(b)
            }
        }
        if let (open, loc) = brackets.last {
            throw error("'\(Character(Unicode.Scalar(open)))' was never closed", at: loc)
        }
        if let last = tokens.last, last.kind != .newline, last.kind != .dedent {
            emit(.newline, at: lastEnd)
        }
        while indents.count > 1 {
            indents.removeLast()
            emit(.dedent, at: here)
        }
        emit(.end, at: here)
    }

    /// Measures the indentation of a new line and emits INDENT/DEDENT.
    /// Returns false at end of input.
    private mutating func handleIndentation() throws(KernelError) -> Bool {
        var width = 0
        while let b = peek(), b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") || b == UInt8(ascii: "\r") || b == 0x0C {
            if b == UInt8(ascii: "\t") {
                throw error("tab in indentation; indent with spaces", at: here)
            }
            if b == UInt8(ascii: " ") { width += 1 }
            advance()
        }
        guard let b = peek() else { return false }
        if b == UInt8(ascii: "\n") || b == UInt8(ascii: "#") {
            // Blank or comment-only line: no layout tokens.
            while let c = peek(), c != UInt8(ascii: "\n") { advance() }
            if peek() != nil { advance() }
            return true
        }
        atLineStart = false
        let loc = here
        if width > indents[indents.count - 1] {
            if tokens.isEmpty {
                throw error("unexpected indent", at: loc)
            }
            indents.append(width)
            emit(.indent, at: loc)
        } else {
            while width < indents[indents.count - 1] {
                indents.removeLast()
                emit(.dedent, at: loc)
            }
            if width != indents[indents.count - 1] {
                throw error("unindent does not match any outer indentation level", at: loc)
            }
        }
        return true
    }

    private static let twoCharOps: Set<String> = ["+=", "-=", "*=", "/=", "%=", "==", "!=", "<=", ">=", "//", "**", "->"]
    private static let oneCharOps: Set<UInt8> = Set("()[],:.@=+-*/%<>".utf8)

    private mutating func lexToken(_ b: UInt8) throws(KernelError) {
        let loc = here
        if isIdentStart(b) {
            let start = pos
            while let c = peek(), isIdentStart(c) || isDigit(c) { advance() }
            emit(.name(String(decoding: bytes[start..<pos], as: UTF8.self)), at: loc)
        } else if isDigit(b) || (b == UInt8(ascii: ".") && peek(1).map(isDigit) == true) {
            try lexNumber(at: loc)
        } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
            try lexString(quote: b, at: loc)
        } else {
            if let n = peek(1) {
                let pair = String(decoding: [b, n], as: UTF8.self)
                if Lexer.twoCharOps.contains(pair) {
                    advance(); advance()
                    emit(.op(pair), at: loc)
                    return
                }
            }
            guard Lexer.oneCharOps.contains(b) else {
                let scalarEnd = utf8SequenceEnd(pos)
                let text = String(decoding: bytes[pos..<scalarEnd], as: UTF8.self)
                throw error("unexpected character '\(text)'", at: loc)
            }
            switch b {
            case UInt8(ascii: "("), UInt8(ascii: "["):
                brackets.append((b, loc))
            case UInt8(ascii: ")"), UInt8(ascii: "]"):
                let expected = b == UInt8(ascii: ")") ? UInt8(ascii: "(") : UInt8(ascii: "[")
                guard let (open, _) = brackets.last, open == expected else {
                    throw error("unmatched '\(Character(Unicode.Scalar(b)))'", at: loc)
                }
                brackets.removeLast()
            default: break
            }
            advance()
            emit(.op(String(Character(Unicode.Scalar(b)))), at: loc)
        }
    }

    private func utf8SequenceEnd(_ start: Int) -> Int {
        var end = start + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return end
    }

    private mutating func lexNumber(at loc: SourceLocation) throws(KernelError) {
        let start = pos
        var isFloat = false
        if peek() == UInt8(ascii: "0"), let x = peek(1), x == UInt8(ascii: "x") || x == UInt8(ascii: "X") {
            advance(); advance()
            let digitsStart = pos
            while let c = peek(), isHexDigit(c) { advance() }
            let text = String(decoding: bytes[digitsStart..<pos], as: UTF8.self)
            guard let v = Int(text, radix: 16) else {
                throw error("invalid hexadecimal literal", at: loc)
            }
            emit(.int(v), at: loc)
            return
        }
        while let c = peek(), isDigit(c) { advance() }
        if peek() == UInt8(ascii: ".") {
            isFloat = true
            advance()
            while let c = peek(), isDigit(c) { advance() }
        }
        if let e = peek(), e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            let sign = peek(1)
            let hasSign = sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-")
            if let d = peek(hasSign ? 2 : 1), isDigit(d) {
                isFloat = true
                advance()
                if hasSign { advance() }
                while let c = peek(), isDigit(c) { advance() }
            }
        }
        if let c = peek(), isIdentStart(c) {
            throw error("invalid number literal", at: loc)
        }
        let text = String(decoding: bytes[start..<pos], as: UTF8.self)
        if isFloat {
            guard let v = Double(text) else { throw error("invalid float literal '\(text)'", at: loc) }
            emit(.float(v), at: loc)
        } else {
            guard let v = Int(text) else { throw error("integer literal '\(text)' is too large", at: loc) }
            emit(.int(v), at: loc)
        }
    }

    /// Python string literals: '...', "...", and their triple-quoted forms,
    /// with the usual backslash escapes.
    private mutating func lexString(quote: UInt8, at loc: SourceLocation) throws(KernelError) {
        let triple = peek(1) == quote && peek(2) == quote
        for _ in 0..<(triple ? 3 : 1) { advance() }
        var out: [UInt8] = []
        while true {
            guard let c = peek() else {
                throw error("unterminated string literal", at: loc)
            }
            if c == quote {
                if !triple {
                    advance()
                    break
                }
                if peek(1) == quote && peek(2) == quote {
                    advance(); advance(); advance()
                    break
                }
                out.append(c)
                advance()
            } else if c == UInt8(ascii: "\n") && !triple {
                throw error("unterminated string literal", at: loc)
            } else if c == UInt8(ascii: "\\") {
                advance()
                guard let e = peek() else { throw error("unterminated string literal", at: loc) }
                try appendEscape(e, into: &out)
            } else {
                out.append(c)
                advance()
            }
        }
        emit(.string(String(decoding: out, as: UTF8.self)), at: loc)
    }

    private mutating func appendEscape(_ e: UInt8, into out: inout [UInt8]) throws(KernelError) {
        let loc = here
        advance()
        switch e {
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "0"): out.append(0x00)
        case UInt8(ascii: "a"): out.append(0x07)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "v"): out.append(0x0B)
        case UInt8(ascii: "\\"), UInt8(ascii: "'"), UInt8(ascii: "\""): out.append(e)
        case UInt8(ascii: "\n"): break  // backslash-newline continues the string
        case UInt8(ascii: "x"):
            guard let h = peek(), let l = peek(1), isHexDigit(h), isHexDigit(l),
                  let v = UInt8(String(decoding: [h, l], as: UTF8.self), radix: 16) else {
                throw error("invalid \\x escape (expected two hexadecimal digits)", at: loc)
            }
            advance(); advance()
            out.append(contentsOf: Array(String(Unicode.Scalar(v)).utf8))
        default:
            // Python keeps unknown escapes as written.
            out.append(UInt8(ascii: "\\"))
            out.append(e)
            while let c = peek(), c & 0xC0 == 0x80 {
                out.append(c)
                advance()
            }
        }
    }
}

@inline(__always) private func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
@inline(__always) private func isHexDigit(_ c: UInt8) -> Bool {
    isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102)
}
@inline(__always) private func isIdentStart(_ c: UInt8) -> Bool {
    (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c == 95
}
