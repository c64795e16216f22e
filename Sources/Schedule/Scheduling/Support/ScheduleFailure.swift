/// Builds the `KernelError(.schedule, ...)` every refused rewrite throws:
/// it names the rewrite and the condition that failed, prints the statement
/// the rewrite was applied to in its surroundings (enclosing loop headers,
/// neighbouring statements, the target marked with `>`), then the reason's
/// details (e.g. the conflicting accesses of a failed commutation proof):
///
///     reorderLoops: the loop bodies do not commute across iterations (i < i', j' < j)
///       applied to:
///         > for i in seq(1, 8):
///         >     for j in seq(0, 7):
///         >         x[i, j] = x[i - 1, j + 1]
///       conflicting accesses:
///         write x[i, j] in `x[i, j] = x[i - 1, j + 1]`
///         read x[i' - 1, j' + 1] in `x[i, j] = x[i - 1, j + 1]`
///       they overlap, e.g. when i = 1, i' = 2, j = 1, j' = 0
///
/// Inside a `Procedure` rewrite, use `failure(...)`, which knows the proc.
enum ScheduleFailure {
    /// The statement is located in `proc` (when given) to print its surroundings.
    static func error(_ rewrite: String, _ condition: String, at stmt: Stmt? = nil, in proc: Proc? = nil,
                      details: [String] = []) -> KernelError {
        var excerpt: String? = nil
        if let stmt {
            if let proc, let path = StatementTree.path(of: stmt, in: proc.body) {
                let last = path[path.count - 1]
                excerpt = StatementSurroundings().render(proc, owner: Array(path.dropLast()), block: last.block,
                                                         range: last.index..<last.index + 1)
            }
            if excerpt == nil { excerpt = StatementSurroundings().render(stmt) }
        }
        return make(rewrite, condition, excerpt: excerpt, details: details, at: stmt?.loc ?? .unknown)
    }

    /// Statements `place` (a statement or block) of `proc`, located exactly.
    static func error(_ rewrite: String, _ condition: String, in proc: Proc, at place: Place,
                      details: [String] = []) -> KernelError {
        let excerpt = StatementSurroundings().render(proc, owner: place.owner, block: place.block,
                                                     range: place.lo..<max(place.hi, place.lo + 1))
        let loc = StatementTree.stmt(proc.body, at: place.stmtPath)?.loc ?? .unknown
        return make(rewrite, condition, excerpt: excerpt, details: details, at: loc)
    }

    private static func make(_ rewrite: String, _ condition: String, excerpt: String?, details: [String],
                             at loc: SourceLocation) -> KernelError {
        var message = "\(rewrite): \(condition)"
        if let excerpt { message += "\n  applied to:\n" + indentLines(excerpt, by: 4) }
        for d in details { message += "\n  " + d }
        return KernelError(.schedule, message, at: loc)
    }

    static func indentLines(_ text: String, by n: Int) -> String {
        let pad = String(repeating: " ", count: n)
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { pad + $0 }.joined(separator: "\n")
    }
}

extension Procedure {
    /// The error of a refused rewrite applied to `stmt` of this version.
    func failure(_ rewrite: String, _ condition: String, at stmt: Stmt, details: [String] = []) -> KernelError {
        ScheduleFailure.error(rewrite, condition, at: stmt, in: ir, details: details)
    }

    /// The error of a refused rewrite applied to the statements at `place` of this version.
    func failure(_ rewrite: String, _ condition: String, at place: Place, details: [String] = []) -> KernelError {
        ScheduleFailure.error(rewrite, condition, in: ir, at: place, details: details)
    }
}
