/// A building block for IR expressions written in Swift (tests, hardware
/// libraries, rewrites). `Term` wraps an `Expr` and gives it the operators of
/// the surface language, so `j + r < n` reads as it does in kernel text.
/// It is a separate type (not operators on `Expr`) so that building sugar
/// never changes how `Expr` itself behaves.
public struct Term: ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral, Sendable {
    public let expr: Expr

    public init(_ expr: Expr) { self.expr = expr }
    public init(integerLiteral v: Int) { expr = Expr(.int(v)) }
    public init(floatLiteral v: Double) { expr = Expr(.float(v)) }

    /// A fresh variable named `name` (a new `Sym`).
    public static func variable(_ name: String) -> Term { Term(Sym(name)) }

    /// A read of an existing symbol.
    public init(_ sym: Sym) { expr = Expr(.read(sym, [])) }

    /// The symbol when this term is a plain variable read.
    public var sym: Sym? {
        if case .read(let s, let idx) = expr.node, idx.isEmpty { return s }
        return nil
    }

    /// The symbol of a variable term; building with anything else is a
    /// programming error in the caller, not bad kernel input.
    var requiredSym: Sym {
        guard let s = sym else { preconditionFailure("expected a variable, got \(expr)") }
        return s
    }

    /// Element read `x[i, j]`.
    public subscript(_ idx: Term...) -> Term {
        Term(Expr(.read(requiredSym, idx.map(\.expr))))
    }

    /// Window `x[0:4, i]`, written `x[0 ..< 4, .at(i)]`.
    public subscript(_ dims: WindowDim...) -> Term {
        Term(Expr(.window(requiredSym, dims.map(\.access))))
    }

    static func bin(_ op: BinaryOp, _ a: Term, _ b: Term) -> Term { Term(Expr(.binary(op, a.expr, b.expr))) }

    public static func + (a: Term, b: Term) -> Term { bin(.add, a, b) }
    public static func - (a: Term, b: Term) -> Term { bin(.sub, a, b) }
    public static func * (a: Term, b: Term) -> Term { bin(.mul, a, b) }
    public static func / (a: Term, b: Term) -> Term { bin(.div, a, b) }
    public static func % (a: Term, b: Term) -> Term { bin(.mod, a, b) }
    public static func < (a: Term, b: Term) -> Term { bin(.lt, a, b) }
    public static func <= (a: Term, b: Term) -> Term { bin(.le, a, b) }
    public static func > (a: Term, b: Term) -> Term { bin(.gt, a, b) }
    public static func >= (a: Term, b: Term) -> Term { bin(.ge, a, b) }
    public static func == (a: Term, b: Term) -> Term { bin(.eq, a, b) }
    public static func != (a: Term, b: Term) -> Term { bin(.ne, a, b) }
    public static func && (a: Term, b: Term) -> Term { bin(.and, a, b) }
    public static func || (a: Term, b: Term) -> Term { bin(.or, a, b) }
    public static prefix func - (a: Term) -> Term { Term(Expr(.unary(.neg, a.expr))) }
    public static prefix func ! (a: Term) -> Term { Term(Expr(.unary(.not, a.expr))) }

    /// Interval of a window dimension: `0 ..< 4` is `0:4`.
    public static func ..< (lo: Term, hi: Term) -> WindowDim { WindowDim(access: .interval(lo.expr, hi.expr)) }
}

/// One dimension of a window written with `Term`s.
public struct WindowDim: Sendable {
    public let access: WindowAccess
    /// A point dimension (`i` in `x[0:4, i]`).
    public static func at(_ t: Term) -> WindowDim { WindowDim(access: .point(t.expr)) }
}

/// `stride(x, d)`.
public func stride(_ x: Term, _ dim: Int) -> Term { Term(Expr(.stride(x.requiredSym, dim))) }
