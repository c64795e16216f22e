/// Writes procs in Exo's text format, such that parsing the text and printing
/// again gives the same text. What is printed, exactly:
///
/// - a decorator line, `@proc` or `@instr('template')` (the template quoted as
///   Python's repr quotes it), where Exo prints `# @instr ...` as a comment:
///   our output must parse back;
/// - `def name(arg: type, ...):` on one line (no line wrapping), arguments
///   as `n: size`, `x: i32[n, 4] @ DRAM`, `w: [i32][4, 4] @ RVM_TILE`: data
///   arguments always with their memory (DRAM when none is recorded), control
///   arguments without;
/// - preconditions as `assert e` lines, then the body, indented by 4 spaces
///   per level; an empty body prints as `pass`;
/// - `for i in seq(lo, hi):`, `if c:` / `elif c:` (an else branch holding a
///   single if) / `else:`, `y: i32 @ DRAM` (allocations always with memory),
///   `x[i, j] = e`, `x[i, j] += e`, `w = x[0:4, i]`, `f(a, b)`, `pass`;
/// - expressions with minimal parentheses (Python precedence), `, ` between
///   indices and arguments, `True`/`False`, floats always with '.' or exponent;
/// - procs of a module separated by one blank line; the text ends with a newline.
///
/// Names: a symbol prints under its name unless another symbol of the same
/// name is visible at its definition; then it gets the first free `name_k`.
public enum ExoPrinter {
    public static func print(_ proc: Proc) -> String {
        var lines: [String] = []
        appendProc(proc, to: &lines)
        return lines.joined(separator: "\n") + "\n"
    }

    public static func print(_ module: KernelModule) -> String {
        module.procs.map { print($0) }.joined(separator: "\n")
    }

    /// The proc preceded by every proc it calls (transitively, each once, callees
    /// first), so the text parses on its own.
    public static func printWithCallees(_ proc: Proc) -> String {
        var order: [Proc] = []
        var seen: Set<String> = []
        func visit(_ p: Proc) {
            guard seen.insert(p.name).inserted else { return }
            for s in p.body {
                s.forEach { st in
                    if case .call(let callee, _) = st.node { visit(callee) }
                }
            }
            order.append(p)
        }
        visit(proc)
        return print(KernelModule(procs: order))
    }

    private static func appendProc(_ proc: Proc, to lines: inout [String]) {
        var names = PrintNames()
        if let template = proc.instructionTemplate {
            lines.append("@instr(\(PythonStringLiteral.quote(template)))")
        } else {
            lines.append("@proc")
        }
        // All arguments are named first: a shape may mention a later size.
        let argNames = proc.params.map { names.define($0.name) }
        let args = zip(proc.params, argNames).map { p, n -> String in
            let type = p.type.exoText(names: names.name)
            return p.type.isData ? "\(n): \(type) @ \(p.memory ?? .dram)" : "\(n): \(type)"
        }
        lines.append("def \(proc.name)(\(args.joined(separator: ", "))):")
        var printer = StmtPrinter(names: names)
        for pre in proc.preconditions {
            lines.append("    assert " + printer.expr(pre))
        }
        if proc.body.isEmpty {
            lines.append("    pass")
        } else {
            printer.block(proc.body, indent: 1, into: &lines)
        }
    }
}

/// Statements, one line each (headers followed by their indented blocks).
struct StmtPrinter {
    var names: PrintNames

    func expr(_ e: Expr) -> String {
        let n = names
        return ExprPrinter(names: { n.name($0) }).text(e)
    }

    mutating func block(_ stmts: [Stmt], indent: Int, into lines: inout [String]) {
        if stmts.isEmpty {
            lines.append(String(repeating: "    ", count: indent) + "pass")
            return
        }
        for s in stmts { stmt(s, indent: indent, into: &lines) }
    }

    private mutating func nested(_ stmts: [Stmt], indent: Int, defining sym: Sym? = nil, into lines: inout [String]) {
        names.push()
        if let sym { _ = names.define(sym) }
        block(stmts, indent: indent, into: &lines)
        names.pop()
    }

    private mutating func stmt(_ s: Stmt, indent: Int, into lines: inout [String], keyword: String = "if") {
        let pad = String(repeating: "    ", count: indent)
        switch s.node {
        case .assign(let x, let idx, let rhs), .reduce(let x, let idx, let rhs):
            let op: String
            if case .assign = s.node { op = "=" } else { op = "+=" }
            let target = idx.isEmpty ? names.name(x) : "\(names.name(x))[\(idx.map(expr).joined(separator: ", "))]"
            lines.append("\(pad)\(target) \(op) \(expr(rhs))")
        case .pass:
            lines.append("\(pad)pass")
        case .ifElse(let cond, let body, let orelse):
            lines.append("\(pad)\(keyword) \(expr(cond)):")
            nested(body, indent: indent + 1, into: &lines)
            if orelse.count == 1, case .ifElse = orelse[0].node {
                names.push()
                stmt(orelse[0], indent: indent, into: &lines, keyword: "elif")
                names.pop()
            } else if !orelse.isEmpty {
                lines.append("\(pad)else:")
                nested(orelse, indent: indent + 1, into: &lines)
            }
        case .loop(let iter, let lo, let hi, let body):
            let bounds = "seq(\(expr(lo)), \(expr(hi)))"
            names.push()
            let name = names.define(iter)
            lines.append("\(pad)for \(name) in \(bounds):")
            block(body, indent: indent + 1, into: &lines)
            names.pop()
        case .alloc(let x, let type, let memory):
            let typeText = type.exoText(names: names.name)
            let name = names.define(x)
            lines.append("\(pad)\(name): \(typeText) @ \(memory)")
        case .call(let callee, let args):
            lines.append("\(pad)\(callee.name)(\(args.map(expr).joined(separator: ", ")))")
        case .windowDef(let w, let rhs):
            let rhsText = expr(rhs)
            let name = names.define(w)
            lines.append("\(pad)\(name) = \(rhsText)")
        }
    }
}

extension Proc: CustomStringConvertible {
    /// Exo's text format (see `ExoPrinter`).
    public var description: String { ExoPrinter.print(self) }
}
