/// Wall-clock time spent in each phase of the kernel pipeline, for
/// `rvm bench-compile` (never for unit tests).
public struct PhaseTimes: Sendable, Equatable {
    public enum Phase: String, CaseIterable, Sendable {
        /// Creating the z3 context the bounds checker uses.
        case solverStart = "solver start"
        case parse
        case typeCheck = "type check"
        case boundsCheck = "bounds check"
        case codegen
    }

    public private(set) var durations: [Duration] = Array(repeating: .zero, count: Phase.allCases.count)

    public init() {}

    public subscript(phase: Phase) -> Duration {
        get { durations[Self.index(phase)] }
        set { durations[Self.index(phase)] = newValue }
    }

    public var total: Duration { durations.reduce(.zero, +) }

    private static func index(_ phase: Phase) -> Int {
        switch phase {
        case .solverStart: 0
        case .parse: 1
        case .typeCheck: 2
        case .boundsCheck: 3
        case .codegen: 4
        }
    }

    /// Runs `work`, adding its wall-clock time to `phase` (also when it throws).
    mutating func measure<T>(_ phase: Phase, _ work: () throws(KernelError) -> T) throws(KernelError) -> T {
        let clock = ContinuousClock()
        let start = clock.now
        defer { self[phase] += clock.now - start }
        return try work()
    }
}
