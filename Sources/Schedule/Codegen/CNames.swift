/// C identifiers for kernel symbols: distinct from every name visible in
/// the enclosing C scopes (rewrites may leave two variables with one name),
/// never a C keyword or an identifier the generated code itself uses.
/// Sibling scopes reuse names, as Exo's output does (`for i` twice).
struct CNames {
    static let reserved: Set<String> = [
        "auto", "break", "case", "char", "const", "continue", "default", "do", "double", "else", "enum",
        "extern", "float", "for", "goto", "if", "inline", "int", "long", "register", "restrict", "return",
        "short", "signed", "sizeof", "static", "struct", "switch", "typedef", "union", "unsigned", "void",
        "volatile", "while", "asm", "bool", "true", "false", "NULL", "main",
        "int8_t", "int16_t", "int32_t", "int64_t", "uint8_t", "uint16_t", "uint32_t", "uint64_t",
        "int_fast32_t", "uintptr_t", "size_t", "malloc", "free", "exo_floor_div", "exo_floor_mod",
    ]
    /// Also kept clear of macro names, since a `#define data "m7"` would rewrite `w.data`.
    static let reservedForMacros: Set<String> = ["data", "strides"]

    private let fixed: Set<String>
    /// Names declared in each open C scope, innermost last.
    private var scopes: [Set<String>] = [[]]

    /// `taken`: names already meaning something in this file (proc names).
    init(taken: Set<String>) { fixed = CNames.reserved.union(taken) }

    mutating func push() { scopes.append([]) }
    mutating func pop() { scopes.removeLast() }

    private func isUsed(_ n: String) -> Bool { fixed.contains(n) || scopes.contains { $0.contains(n) } }

    /// A new C name for a declaration of `s` in the innermost scope.
    mutating func name(for s: Sym, isMacro: Bool = false) -> String {
        var base = String(s.name.map { $0.isLetter || $0.isNumber || $0 == "_" ? $0 : "_" })
        if base.isEmpty || base.first?.isNumber == true { base = "_" + base }
        var candidate = base, k = 0
        while isUsed(candidate) || (isMacro && CNames.reservedForMacros.contains(candidate)) {
            k += 1
            candidate = "\(base)_\(k)"
        }
        scopes[scopes.count - 1].insert(candidate)
        return candidate
    }
}

extension ScalarType {
    /// The C element type.
    public var cType: String {
        switch self {
        case .i8: "int8_t"
        case .i16: "int16_t"
        case .i32: "int32_t"
        case .f32: "float"
        }
    }
}
