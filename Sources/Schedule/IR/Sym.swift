import Synchronization

/// A program variable: a readable name plus an id unique in the process, so
/// rewrites (unrolling, inlining) can duplicate a name without confusing two
/// variables. Equality and hashing use the id only.
public struct Sym: Hashable, Sendable, CustomStringConvertible {
    public let name: String
    public let id: Int

    private static let counter = Atomic<Int>(0)

    /// A new symbol with a fresh id.
    public init(_ name: String) {
        self.name = name
        self.id = Sym.counter.add(1, ordering: .relaxed).newValue
    }

    /// The same name with a fresh id (for copies made by rewrites).
    public func fresh() -> Sym { Sym(name) }

    /// A fresh symbol carrying a new name.
    public func renamed(_ newName: String) -> Sym { Sym(newName) }

    public static func == (a: Sym, b: Sym) -> Bool { a.id == b.id }
    public func hash(into h: inout Hasher) { h.combine(id) }
    public var description: String { name }
}
