/// Quotes text as Python's `repr` does, so an `@instr` template prints as a
/// literal the lexer reads back unchanged: single quotes unless the text has a
/// single quote and no double quote; backslash, the quote, and control
/// characters escaped.
enum PythonStringLiteral {
    static func quote(_ text: String) -> String {
        let useDouble = text.contains("'") && !text.contains("\"")
        let q: Character = useDouble ? "\"" : "'"
        var out = String(q)
        for ch in text.unicodeScalars {
            switch ch {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if Character(ch) == q {
                    out += "\\\(q)"
                } else if ch.value < 0x20 || ch.value == 0x7F {
                    let hex = String(ch.value, radix: 16)
                    out += "\\x" + (hex.count < 2 ? "0" + hex : hex)
                } else {
                    out.unicodeScalars.append(ch)
                }
            }
        }
        out.append(q)
        return out
    }
}
