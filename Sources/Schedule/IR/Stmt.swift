/// A statement. Immutable value; `loc` is ignored by equality and hashing.
public struct Stmt: Hashable, Sendable {
    public indirect enum Node: Hashable, Sendable {
        /// `x[idx] = rhs` (empty idx for a scalar).
        case assign(Sym, [Expr], Expr)
        /// `x[idx] += rhs`.
        case reduce(Sym, [Expr], Expr)
        case pass
        /// `if cond: body else: orelse` (orelse empty when absent).
        case ifElse(Expr, [Stmt], [Stmt])
        /// `for iter in seq(lo, hi): body`.
        case loop(Sym, Expr, Expr, [Stmt])
        /// `name: type @ memory` (memory DRAM when not written).
        case alloc(Sym, DataType, MemoryName)
        /// A call of another proc (an instruction or a plain proc) with its arguments.
        case call(Proc, [Expr])
        /// `name = x[0:4, i]`: binds a window to a name.
        case windowDef(Sym, Expr)
    }

    public var node: Node
    public var loc: SourceLocation

    public init(_ node: Node, at loc: SourceLocation = .unknown) {
        self.node = node
        self.loc = loc
    }

    public static func == (a: Stmt, b: Stmt) -> Bool { a.node == b.node }
    public func hash(into h: inout Hasher) { h.combine(node) }
}
