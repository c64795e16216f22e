/// Builds the `KernelError(.schedule, ...)` every refused rewrite throws:
/// it names the rewrite, the condition that failed, and prints the statement
/// the rewrite was applied to (with the reason's details, e.g. the
/// conflicting accesses of a failed commutation proof).
enum ScheduleFailure {
    static func error(_ rewrite: String, _ condition: String, at stmt: Stmt? = nil,
                      details: [String] = []) -> KernelError {
        var message = "\(rewrite): \(condition)"
        if let stmt {
            message += "\n  applied to:\n" + indentLines(StatementText.stmt(stmt), by: 4)
        }
        for d in details { message += "\n  " + d }
        return KernelError(.schedule, message, at: stmt?.loc ?? .unknown)
    }

    static func indentLines(_ text: String, by n: Int) -> String {
        let pad = String(repeating: " ", count: n)
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { pad + $0 }.joined(separator: "\n")
    }
}
