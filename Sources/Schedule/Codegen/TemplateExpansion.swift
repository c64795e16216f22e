/// Expands an instruction's C template as Python's `str.format` does for
/// Exo: `{name}` is replaced, `{{` and `}}` are literal braces. A template is
/// parsed once into segments; values are computed on demand, so a call pays
/// only for the placeholders its template uses.
enum TemplateExpansion {
    enum Segment {
        case text(String)
        case placeholder(String)
    }

    static func parse(_ template: String, instruction: String, at loc: SourceLocation) throws(KernelError) -> [Segment] {
        var segments: [Segment] = []
        var text = ""
        var i = template.startIndex
        while i < template.endIndex {
            let c = template[i]
            let next = template.index(after: i)
            if c == "{", next < template.endIndex, template[next] == "{" {
                text.append("{"); i = template.index(after: next); continue
            }
            if c == "}", next < template.endIndex, template[next] == "}" {
                text.append("}"); i = template.index(after: next); continue
            }
            if c == "{" {
                guard let close = template[next...].firstIndex(of: "}") else {
                    throw KernelError(.codegen, "template of \(instruction) has an unclosed '{'", at: loc)
                }
                if !text.isEmpty { segments.append(.text(text)); text = "" }
                segments.append(.placeholder(String(template[next..<close])))
                i = template.index(after: close)
                continue
            }
            if c == "}" {
                throw KernelError(.codegen, "template of \(instruction) has an unmatched '}'", at: loc)
            }
            text.append(c)
            i = next
        }
        if !text.isEmpty { segments.append(.text(text)) }
        return segments
    }

    static func expand(_ segments: [Segment], instruction: String, at loc: SourceLocation,
                       value: (String) throws(KernelError) -> String?) throws(KernelError) -> String {
        var out = ""
        for s in segments {
            switch s {
            case .text(let t): out += t
            case .placeholder(let key):
                guard let v = try value(key) else {
                    throw KernelError(.codegen, "template of \(instruction) uses {\(key)}, which names no argument", at: loc)
                }
                out += v
            }
        }
        return out
    }
}
