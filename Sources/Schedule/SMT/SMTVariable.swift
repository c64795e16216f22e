import Synchronization

/// A free variable of a solver query: an integer or a boolean with a readable
/// name (used in counterexamples) and an identity that decides equality.
public struct SMTVariable: Hashable, Sendable, CustomStringConvertible {
    public enum Sort: Hashable, Sendable { case int, bool }

    /// What the variable stands for; two variables are the same iff their identities are.
    public enum Identity: Hashable, Sendable {
        /// A program variable (size, index, loop iterator, bool), by `Sym.id`.
        case symbol(Int)
        /// `stride(x, d)` of a window whose strides are unknown, by the tensor's `Sym.id`.
        case stride(Int, Int)
        /// A variable made by `fresh` (e.g. a second loop iteration in a proof).
        case fresh(Int)
        /// A loop iterator whose symbol is already bound by an enclosing loop
        /// (`for i: for i:`), at nesting `level` >= 1, so the two never merge.
        case shadowing(Int, level: Int)
    }

    public let name: String
    public let identity: Identity
    public let sort: Sort

    public init(name: String, identity: Identity, sort: Sort) {
        self.name = name
        self.identity = identity
        self.sort = sort
    }

    /// The variable standing for a program symbol.
    public init(_ sym: Sym, sort: Sort = .int) {
        self.init(name: sym.name, identity: .symbol(sym.id), sort: sort)
    }

    private static let freshCounter = Atomic<Int>(0)

    /// A variable distinct from every other one, e.g. `i'` for "another iteration".
    public static func fresh(_ name: String, sort: Sort = .int) -> SMTVariable {
        SMTVariable(name: name, identity: .fresh(freshCounter.add(1, ordering: .relaxed).newValue), sort: sort)
    }

    public static func == (a: SMTVariable, b: SMTVariable) -> Bool { a.identity == b.identity }
    public func hash(into h: inout Hasher) { h.combine(identity) }
    public var description: String { name }
}
