/// Binary operators of the surface language, spelled as in the source.
public enum BinaryOp: String, Hashable, Sendable, CaseIterable {
    case add = "+", sub = "-", mul = "*", div = "/", mod = "%"
    case lt = "<", le = "<=", gt = ">", ge = ">=", eq = "==", ne = "!="
    case and = "and", or = "or"

    /// Binding strength for printing and parsing (higher binds tighter), as in Python.
    public var precedence: Int {
        switch self {
        case .or: 1
        case .and: 2
        case .lt, .le, .gt, .ge, .eq, .ne: 4
        case .add, .sub: 5
        case .mul, .div, .mod: 6
        }
    }
    public var isComparison: Bool { precedence == 4 }
    public var isLogical: Bool { self == .and || self == .or }
}

public enum UnaryOp: String, Hashable, Sendable {
    case neg = "-"
    case not = "not"
}

/// One dimension of a window expression `x[0:4, i]`: a point or a half-open interval.
public enum WindowAccess: Hashable, Sendable {
    case point(Expr)
    case interval(Expr, Expr)
}

/// An expression. Immutable value; `loc` is carried for diagnostics and is
/// ignored by equality and hashing, so structurally equal expressions compare equal.
public struct Expr: Hashable, Sendable {
    public indirect enum Node: Hashable, Sendable {
        /// A variable (`n`, `i`, `y`) or a tensor element (`x[i, j]`).
        case read(Sym, [Expr])
        case int(Int)
        case float(Double)
        case bool(Bool)
        case unary(UnaryOp, Expr)
        case binary(BinaryOp, Expr, Expr)
        /// A window of a tensor, `x[0:4, i]` (call arguments and window statements).
        case window(Sym, [WindowAccess])
        /// `stride(x, d)`: the stride in elements of dimension d of x.
        case stride(Sym, Int)
    }

    public var node: Node
    public var loc: SourceLocation

    public init(_ node: Node, at loc: SourceLocation = .unknown) {
        self.node = node
        self.loc = loc
    }

    public static func == (a: Expr, b: Expr) -> Bool { a.node == b.node }
    public func hash(into h: inout Hasher) { h.combine(node) }

    // Convenience constructors (used by rewrites and tests).
    public static func int(_ v: Int) -> Expr { Expr(.int(v)) }
    public static func variable(_ s: Sym) -> Expr { Expr(.read(s, [])) }
    public static func read(_ s: Sym, _ idx: [Expr]) -> Expr { Expr(.read(s, idx)) }
    public static func + (a: Expr, b: Expr) -> Expr { Expr(.binary(.add, a, b)) }
    public static func - (a: Expr, b: Expr) -> Expr { Expr(.binary(.sub, a, b)) }
    public static func * (a: Expr, b: Expr) -> Expr { Expr(.binary(.mul, a, b)) }

    /// The literal value if this is an integer constant.
    public var intValue: Int? {
        if case .int(let v) = node { return v }
        return nil
    }
}
