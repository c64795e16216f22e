/// Statement builders: a block of kernel statements written in Swift reads
/// like the kernel text it stands for:
///
///     forLoop("i", 0, n) { i in
///         assign(out[i], 0)
///         ifThen(i < 4) { reduce(out[i], x[i]) } orElse: { pass() }
///     }
@resultBuilder
public enum BlockBuilder {
    public static func buildExpression(_ s: Stmt) -> [Stmt] { [s] }
    public static func buildExpression(_ s: [Stmt]) -> [Stmt] { s }
    public static func buildBlock(_ parts: [Stmt]...) -> [Stmt] { parts.flatMap { $0 } }
    public static func buildOptional(_ s: [Stmt]?) -> [Stmt] { s ?? [] }
    public static func buildEither(first s: [Stmt]) -> [Stmt] { s }
    public static func buildEither(second s: [Stmt]) -> [Stmt] { s }
    public static func buildArray(_ s: [[Stmt]]) -> [Stmt] { s.flatMap { $0 } }
}

/// Splits an assignment target (`x` or `x[i, j]`) into symbol and indices.
private func target(_ t: Term) -> (Sym, [Expr]) {
    guard case .read(let s, let idx) = t.expr.node else {
        preconditionFailure("assignment target must be a variable or a tensor element, got \(t.expr)")
    }
    return (s, idx)
}

/// `x[idx] = rhs`.
public func assign(_ lhs: Term, _ rhs: Term) -> Stmt {
    let (s, idx) = target(lhs)
    return Stmt(.assign(s, idx, rhs.expr))
}

/// `x[idx] += rhs`.
public func reduce(_ lhs: Term, _ rhs: Term) -> Stmt {
    let (s, idx) = target(lhs)
    return Stmt(.reduce(s, idx, rhs.expr))
}

public func pass() -> Stmt { Stmt(.pass) }

/// `for name in seq(lo, hi): body`; the body receives the loop variable.
public func forLoop(_ name: String, _ lo: Term, _ hi: Term,
                    @BlockBuilder _ body: (Term) -> [Stmt]) -> Stmt {
    let i = Sym(name)
    return Stmt(.loop(i, lo.expr, hi.expr, body(Term(i))))
}

/// `if cond: body else: orElse`.
public func ifThen(_ cond: Term, @BlockBuilder _ body: () -> [Stmt],
                   @BlockBuilder orElse: () -> [Stmt] = { [] }) -> Stmt {
    Stmt(.ifElse(cond.expr, body(), orElse()))
}

/// `name: type[shape] @ memory` for a variable made with `Term.variable`.
public func alloc(_ v: Term, _ type: ScalarType, _ shape: [Term] = [], _ memory: MemoryName = .dram) -> Stmt {
    let t: DataType = shape.isEmpty ? .scalar(type) : .tensor(type, shape: shape.map(\.expr), isWindow: false)
    return Stmt(.alloc(v.requiredSym, t, memory))
}

/// A call of `proc` (arguments: sizes, scalars, tensors or windows).
public func call(_ proc: Proc, _ args: Term...) -> Stmt {
    Stmt(.call(proc, args.map(\.expr)))
}

/// `name = x[...]`: binds a window to a name; returns the statement and the new name.
public func windowDef(_ name: String, _ window: Term) -> (Stmt, Term) {
    let s = Sym(name)
    return (Stmt(.windowDef(s, window.expr)), Term(s))
}

extension Stmt {
    /// The same statement carrying a source location (for diagnostics in built IR).
    public func at(_ line: Int, _ column: Int) -> Stmt {
        var s = self
        s.loc = SourceLocation(line: line, column: column)
        return s
    }
}
