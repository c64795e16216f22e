/// The one error type of the kernel language: every diagnostic names its
/// phase, says what went wrong and where (line:column of the kernel text).
public struct KernelError: Error, CustomStringConvertible, Sendable, Equatable {
    public enum Phase: String, Sendable {
        case syntax, type, bounds, memory, codegen, interpreter, schedule
    }
    public var phase: Phase
    public var message: String
    public var location: SourceLocation
    /// Optional file name for messages ("conv1d.exo").
    public var file: String?

    public init(_ phase: Phase, _ message: String, at location: SourceLocation = .unknown, file: String? = nil) {
        self.phase = phase
        self.message = message
        self.location = location
        self.file = file
    }

    public var description: String {
        let place = [file, location.isKnown ? location.description : nil].compactMap { $0 }.joined(separator: ":")
        return (place.isEmpty ? "" : place + ": ") + "\(phase.rawValue) error: \(message)"
    }
}
