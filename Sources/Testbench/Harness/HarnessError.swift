/// Bad harness input, or a program whose run cannot be interpreted.
public enum HarnessError: Error, Equatable, CustomStringConvertible {
    case invalidShape(String)
    case invalidEntryPoint(String)
    case doesNotFit(String)
    /// The program stopped without reaching the harness's exit.
    case programDidNotFinish(String)
    /// The run ended but its report is missing or contradicts itself.
    case unreadableReport(String)

    public var description: String {
        switch self {
        case .invalidShape(let message): return "invalid sizes: \(message)"
        case .invalidEntryPoint(let message): return "invalid kernel entry point: \(message)"
        case .doesNotFit(let message): return "does not fit: \(message)"
        case .programDidNotFinish(let message): return "program did not finish: \(message)"
        case .unreadableReport(let message): return "unreadable harness report: \(message)"
        }
    }
}
