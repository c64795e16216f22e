/// Expands an instruction's C template as Python's `str.format` does for
/// Exo: `{name}` is replaced, `{{` and `}}` are literal braces. Values are
/// computed on demand, so a template pays only for the placeholders it uses.
enum TemplateExpansion {
    static func expand(_ template: String, instruction: String, at loc: SourceLocation,
                       value: (String) throws(KernelError) -> String?) throws(KernelError) -> String {
        var out = ""
        var i = template.startIndex
        while i < template.endIndex {
            let c = template[i]
            let next = template.index(after: i)
            if c == "{", next < template.endIndex, template[next] == "{" {
                out.append("{"); i = template.index(after: next); continue
            }
            if c == "}", next < template.endIndex, template[next] == "}" {
                out.append("}"); i = template.index(after: next); continue
            }
            if c == "{" {
                guard let close = template[next...].firstIndex(of: "}") else {
                    throw KernelError(.codegen, "template of \(instruction) has an unclosed '{'", at: loc)
                }
                let key = String(template[next..<close])
                guard let v = try value(key) else {
                    throw KernelError(.codegen, "template of \(instruction) uses {\(key)}, which names no argument", at: loc)
                }
                out += v
                i = template.index(after: close)
                continue
            }
            if c == "}" {
                throw KernelError(.codegen, "template of \(instruction) has an unmatched '}'", at: loc)
            }
            out.append(c)
            i = next
        }
        return out
    }
}
