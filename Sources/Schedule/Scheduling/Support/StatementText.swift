/// Exo text of IR fragments for scheduling messages and cursor
/// descriptions, written by the real printer (`ExoPrinter`'s statement and
/// expression printers). Fragments print symbols under their own names; a
/// whole proc (`proc`) prints exactly as `ExoPrinter.print` does, with
/// clashing names disambiguated.
enum StatementText {
    static func expr(_ e: Expr) -> String { e.exoText }

    static func type(_ t: DataType) -> String { t.exoText }

    /// Statements at `indent` levels of 4 spaces, one line each, no final newline.
    static func stmts(_ ss: [Stmt], indent: Int = 0) -> String {
        var printer = StmtPrinter(names: PrintNames())
        var lines: [String] = []
        printer.block(ss, indent: indent, into: &lines)
        return lines.joined(separator: "\n")
    }

    static func stmt(_ s: Stmt, indent: Int = 0) -> String { stmts([s], indent: indent) }

    /// The first line of a statement (its header for loops and ifs).
    static func headline(_ s: Stmt) -> String {
        var header = s
        header = header.mappingBlocks { _ in [] }
        var printer = StmtPrinter(names: PrintNames())
        var lines: [String] = []
        printer.block([header], indent: 0, into: &lines)
        return lines.first ?? ""
    }

    /// The proc in Exo's text format, without the final newline.
    static func proc(_ p: Proc) -> String {
        var text = ExoPrinter.print(p)
        if text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}
