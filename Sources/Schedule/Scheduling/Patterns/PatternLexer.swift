/// Tokens of patterns and of the small expressions scheduling calls accept
/// as strings (`"n / 4"`, `"i < 8"`).
enum PatternToken: Hashable, Sendable {
    case name(String)
    case int(Int)
    case float(Double)
    case op(String)
    case newline
    case end
}

enum PatternLexer {
    static let operators = ["+=", "<=", ">=", "==", "!=", "+", "-", "*", "/", "%", "<", ">", "=",
                            "(", ")", "[", "]", ",", ":", ";", "@"]

    static func tokens(_ text: String) throws -> [PatternToken] {
        var out: [PatternToken] = []
        let chars = Array(text.unicodeScalars)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "\n" { out.append(.newline); i += 1; continue }
            if c == " " || c == "\t" || c == "\r" { i += 1; continue }
            if PatternChars.letterOrUnderscore(c) {
                var j = i
                while j < chars.count, PatternChars.letterOrUnderscore(chars[j]) || PatternChars.digit(chars[j]) { j += 1 }
                out.append(.name(String(String.UnicodeScalarView(chars[i..<j]))))
                i = j
                continue
            }
            if PatternChars.digit(c) {
                var j = i
                while j < chars.count, PatternChars.digit(chars[j]) { j += 1 }
                if j < chars.count, chars[j] == ".", j + 1 < chars.count, PatternChars.digit(chars[j + 1]) {
                    j += 1
                    while j < chars.count, PatternChars.digit(chars[j]) { j += 1 }
                    out.append(.float(Double(String(String.UnicodeScalarView(chars[i..<j]))) ?? 0))
                } else {
                    guard let v = Int(String(String.UnicodeScalarView(chars[i..<j]))) else {
                        throw KernelError(.schedule, "pattern `\(text)`: integer literal too large")
                    }
                    out.append(.int(v))
                }
                i = j
                continue
            }
            if let op = operators.first(where: { op in
                let u = Array(op.unicodeScalars)
                return i + u.count <= chars.count && Array(chars[i..<i + u.count]) == u
            }) {
                out.append(.op(op))
                i += op.unicodeScalars.count
                continue
            }
            throw KernelError(.schedule, "pattern `\(text)`: unexpected character `\(c)`")
        }
        out.append(.end)
        return out
    }
}

enum PatternChars {
    static func letterOrUnderscore(_ c: Unicode.Scalar) -> Bool {
        c == "_" || (c >= "a" && c <= "z") || (c >= "A" && c <= "Z")
    }
    static func digit(_ c: Unicode.Scalar) -> Bool { c >= "0" && c <= "9" }
}
