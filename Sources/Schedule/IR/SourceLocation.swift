/// A position in kernel source text (1-based). Synthesized IR (from rewrites)
/// carries `.unknown` or the location of the statement it came from.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static let unknown = SourceLocation(line: 0, column: 0)
    public var isKnown: Bool { line > 0 }
    public var description: String { isKnown ? "\(line):\(column)" : "?:?" }
}
