extension DataType {
    /// The type as written in kernel text (`size`, `i32[n, 4]`, `[i32][4, 4]`),
    /// with symbols under their own names (for messages).
    public var exoText: String { exoText(names: { $0.name }) }

    func exoText(names: @escaping (Sym) -> String) -> String {
        switch self {
        case .index: return "index"
        case .size: return "size"
        case .bool: return "bool"
        case .scalar(let t): return t.rawValue
        case .tensor(let t, let shape, let isWindow):
            let printer = ExprPrinter(names: names)
            let dims = "[\(shape.map { printer.text($0) }.joined(separator: ", "))]"
            return (isWindow ? "[\(t.rawValue)]" : t.rawValue) + dims
        }
    }
}

extension Expr {
    /// The expression as written in kernel text, symbols under their own names
    /// (for messages; `ExoPrinter` disambiguates names when printing a proc).
    public var exoText: String { ExprPrinter(names: { $0.name }).text(self) }
}
