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

    /// The placeholder keys a template of `instruction` may use: `{x}`,
    /// `{x_data}` and `{x_int}` for each parameter x.
    static func knownKeys(_ instruction: Proc) -> Set<String> {
        Set(instruction.params.flatMap { p in ["", "_data", "_int"].map { p.name.name + $0 } })
    }

    /// Checks an instruction's template where the instruction is defined:
    /// balanced braces and placeholders naming its parameters (code generation
    /// would otherwise report it only at a call).
    static func validate(_ instruction: Proc) throws(KernelError) {
        guard let template = instruction.instructionTemplate else { return }
        let segments = try parse(template, instruction: instruction.name, at: instruction.loc)
        let known = knownKeys(instruction)
        for case .placeholder(let key) in segments where !known.contains(key) {
            let params = instruction.params.map(\.name.name).joined(separator: ", ")
            throw KernelError(.type, "template of \(instruction.name) uses {\(key)}, which names no argument (its arguments: \(params.isEmpty ? "none" : params); a placeholder is {x}, {x_data} or {x_int}; write {{ and }} for literal braces)", at: instruction.loc)
        }
    }

    /// The C identifiers a template's text spells out (outside placeholders),
    /// which a `#define` of a buffer name must not rewrite.
    static func identifiers(_ segments: [Segment]) -> Set<String> {
        var out = Set<String>()
        for case .text(let t) in segments {
            var current = ""
            for c in t.unicodeScalars {
                if c == "_" || (c.isASCII && (c.properties.isAlphabetic || ("0"..."9").contains(c))) {
                    current.unicodeScalars.append(c)
                } else {
                    if let f = current.unicodeScalars.first, !("0"..."9").contains(f) { out.insert(current) }
                    current = ""
                }
            }
            if let f = current.unicodeScalars.first, !("0"..."9").contains(f) { out.insert(current) }
        }
        return out
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
