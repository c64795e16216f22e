/// An expression the solver cannot reason about (a data value, a float, a
/// name not in scope), with the location of the offending sub-expression.
public struct SMTTranslationError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public var location: SourceLocation

    public init(_ message: String, at location: SourceLocation) {
        self.message = message
        self.location = location
    }

    public var description: String { "\(location): \(message)" }

    /// The same diagnostic as a kernel-language error of the given phase.
    public func kernelError(_ phase: KernelError.Phase) -> KernelError {
        KernelError(phase, message, at: location)
    }
}
