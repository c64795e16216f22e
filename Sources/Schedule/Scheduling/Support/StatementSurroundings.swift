/// Exo text of some statements of a proc in their surroundings, for error
/// messages: the headers of the enclosing loops and ifs, the statement
/// before and after, `...` where more statements were left out, and a `>`
/// in the margin of the target's lines:
///
///       for i in seq(0, 16):
///           ...
///           out[i, 0] = 0
///     >     for c in seq(0, 4):
///     >         out[i, c] += x[c]
///           y[i] = out[i, 0]
///
/// Names print as `ExoPrinter` prints the whole proc (clashing names get
/// the same `_k` suffixes), so the excerpt matches the printed proc.
struct StatementSurroundings {
    /// Target lines beyond this are cut (`...`); neighbours beyond `neighbourLines`.
    var targetLines = 12
    var neighbourLines = 3

    /// Statements `range` of block `block` of the statement at `owner` (the
    /// proc body for an empty owner); nil when the proc has no such block.
    func render(_ proc: Proc, owner: [TreeStep], block: Int, range: Range<Int>) -> String? {
        guard let stmts = StatementTree.block(proc.body, owner: owner, block: block),
              range.lowerBound >= 0, range.upperBound <= stmts.count, !range.isEmpty else { return nil }
        var printer = StmtPrinter(names: PrintNames())
        for p in proc.params { _ = printer.names.define(p.name) }
        var lines: [(marked: Bool, text: String)] = []
        var current = proc.body
        // Headers of the enclosing statements, outermost first.
        for (depth, step) in owner.enumerated() {
            for s in current.prefix(step.index) { if let x = s.bindsName { _ = printer.names.define(x) } }
            let s = current[step.index]
            let innerBlock = depth + 1 < owner.count ? owner[depth + 1].block : block
            lines += header(s, innerBlock, depth, &printer).map { (false, $0) }
            current = s.blocks[innerBlock]
        }
        // The target and its neighbours.
        let depth = owner.count
        let pad = String(repeating: "    ", count: depth)
        let before = max(range.lowerBound - 1, 0)
        for s in current.prefix(before) { if let x = s.bindsName { _ = printer.names.define(x) } }
        if before > 0 { lines.append((false, pad + "...")) }
        if range.lowerBound > 0 {
            lines += print(current[range.lowerBound - 1], depth, limit: neighbourLines, &printer).map { (false, $0) }
        }
        lines += print(Array(current[range]), depth, limit: targetLines, &printer).map { (true, $0) }
        if range.upperBound < current.count {
            lines += print(current[range.upperBound], depth, limit: neighbourLines, &printer).map { (false, $0) }
        }
        if range.upperBound + 1 < current.count { lines.append((false, pad + "...")) }
        return lines.map { ($0.marked ? "> " : "  ") + $0.text }.joined(separator: "\n")
    }

    /// A statement outside any proc (e.g. one a rewrite built), marked.
    func render(_ s: Stmt) -> String {
        var printer = StmtPrinter(names: PrintNames())
        return print([s], 0, limit: targetLines, &printer).map { "> " + $0 }.joined(separator: "\n")
    }

    /// The header line(s) of an enclosing statement, entering block `inner`
    /// (its loop variable is then in scope of the printer).
    private func header(_ s: Stmt, _ inner: Int, _ depth: Int, _ printer: inout StmtPrinter) -> [String] {
        let pad = String(repeating: "    ", count: depth)
        var lines: [String] = []
        var emptied = printer
        emptied.block([s.mappingBlocks { _ in [] }], indent: depth, into: &lines)
        printer.names.push()
        switch s.node {
        case .loop(let i, _, _, _):
            _ = printer.names.define(i)
            return [lines[0]]
        case .ifElse where inner == 1:
            return [lines[0], pad + "    ...", pad + "else:"]
        default:
            return [lines[0]]
        }
    }

    /// Statements at `depth`, cut to `limit` lines (the last one then `...`).
    private func print(_ stmts: [Stmt], _ depth: Int, limit: Int, _ printer: inout StmtPrinter) -> [String] {
        var lines: [String] = []
        printer.block(stmts, indent: depth, into: &lines)
        guard lines.count > limit else { return lines }
        let pad = String(repeating: "    ", count: depth)
        return Array(lines.prefix(limit - 1)) + [pad + "    ..."]
    }

    private func print(_ s: Stmt, _ depth: Int, limit: Int, _ printer: inout StmtPrinter) -> [String] {
        print([s], depth, limit: limit, &printer)
    }
}

extension StatementTree {
    /// The path of a statement of `body` equal to `target` (preferring one
    /// at the same source location), nil if there is none.
    static func path(of target: Stmt, in body: [Stmt]) -> [TreeStep]? {
        var firstEqual: [TreeStep]? = nil
        func search(_ block: [Stmt], _ prefix: [TreeStep], _ blockIndex: Int) -> [TreeStep]? {
            for (k, s) in block.enumerated() {
                let path = prefix + [TreeStep(block: blockIndex, index: k)]
                if s == target {
                    if s.loc == target.loc { return path }
                    if firstEqual == nil { firstEqual = path }
                }
                for (b, inner) in s.blocks.enumerated() {
                    if let found = search(inner, path, b) { return found }
                }
            }
            return nil
        }
        return search(body, [], 0) ?? firstEqual
    }
}
