/// Values of a query's variables in one satisfying assignment (booleans as 0/1).
public struct SMTModel: Hashable, Sendable, CustomStringConvertible {
    public let values: [SMTVariable: Int]

    public init(values: [SMTVariable: Int]) { self.values = values }

    public subscript(_ variable: SMTVariable) -> Int? { values[variable] }

    /// The value of the variable named `name` (the first in name order if
    /// several variables share it).
    public subscript(_ name: String) -> Int? {
        values.filter { $0.key.name == name }.min { "\($0.key.identity)" < "\($1.key.identity)" }?.value
    }

    /// Values by name, for display.
    public var byName: [String: Int] {
        var out: [String: Int] = [:]
        for (v, x) in values where out[v.name] == nil { out[v.name] = x }
        return out
    }

    public var description: String {
        values.map { "\($0.key.name) = \($0.value)" }.sorted().joined(separator: ", ")
    }
}

/// The answer to "does this claim follow from these facts?".
public enum ProofResult: Hashable, Sendable {
    case proved
    /// The facts hold and the claim fails for these values of the query's variables.
    case counterexample(SMTModel)
    /// The solver gave up (timeout, nonlinear arithmetic it could not decide, an ill-sorted term).
    case unknown(String)

    public var isProved: Bool { self == .proved }
}

/// The answer to "can these facts all hold at once?".
public enum SatisfiabilityResult: Hashable, Sendable {
    case satisfiable(SMTModel)
    case unsatisfiable
    case unknown(String)
}

/// Something a query could not express (a bug in the caller, never a solver answer).
public struct SMTError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
