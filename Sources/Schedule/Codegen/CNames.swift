/// C identifiers for kernel symbols: distinct from every name visible in
/// the enclosing C scopes (rewrites may leave two variables with one name),
/// never a C keyword or an identifier the generated code itself uses.
/// Sibling scopes reuse names, as Exo's output does (`for i` twice).
struct CNames {
    /// Kept clear of macro names too: `#define data "m7"` would rewrite `w.data`,
    /// and one named like a window struct (`exo_win_2i32`) its declarations.
    static let reservedForMacros: Set<String> = ["data", "strides"]

    private let fixed: Set<String>
    /// Names declared in each open C scope, innermost last.
    private var scopes: [Set<String>] = [[]]

    /// Identifiers a macro-named buffer must also avoid (those of the instruction templates).
    private let macroAvoids: Set<String>

    /// `taken`: names already meaning something in this file (proc names, a
    /// memory's header macros); `macroAvoids`: identifiers of the C text a
    /// macro-named buffer's `#define` would reach (instruction templates).
    init(taken: Set<String>, macroAvoids: Set<String> = []) {
        fixed = CReservedNames.forVariables.union(taken)
        self.macroAvoids = macroAvoids.union(CNames.reservedForMacros)
    }

    mutating func push() { scopes.append([]) }
    mutating func pop() { scopes.removeLast() }

    private func isUsed(_ n: String) -> Bool {
        // EXO_WIN_*: the include guards of the window structs.
        fixed.contains(n) || CReservedNames.isImplementationReserved(n) || n.hasPrefix("EXO_WIN_")
            || scopes.contains { $0.contains(n) }
    }

    private func isAvoidedByMacros(_ n: String) -> Bool { macroAvoids.contains(n) || n.hasPrefix("exo_") }

    /// A new C name for a declaration of `s` in the innermost scope.
    mutating func name(for s: Sym, isMacro: Bool = false) -> String {
        var base = String(s.name.map { $0.isASCII && ($0.isLetter || $0.isNumber) || $0 == "_" ? $0 : "_" })
        if base.isEmpty || base.first?.isNumber == true { base = "_" + base }
        if CReservedNames.isImplementationReserved(base) { base = "v" + base }
        var candidate = base, k = 0
        while isUsed(candidate) || (isMacro && isAvoidedByMacros(candidate)) {
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
