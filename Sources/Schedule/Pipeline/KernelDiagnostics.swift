/// The errors of one kernel file, in source order (never empty): one for a
/// syntax, type or code generation error, one per unprovable access for the
/// bounds check. Printed one `file:line:col: phase error: message` per line.
public struct KernelDiagnostics: Error, CustomStringConvertible, Sendable, Equatable {
    public var errors: [KernelError]

    public init(_ errors: [KernelError]) { self.errors = errors }

    public var first: KernelError? { errors.first }

    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
