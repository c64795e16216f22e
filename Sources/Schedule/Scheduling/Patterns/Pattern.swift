/// Exo's cursor patterns: a statement (or `;`-separated statements) or an
/// expression with `_` holes, optionally followed by `#n` to pick the n-th
/// match (0-based, as in Exo). Statement holes `_` match any run of statements.
///
///     for i in _: _        y : _        y = data[_]       out[_] += _
///     if _: _              pass         rvm_mld(_)        x + 1
indirect enum PatternExpr: Hashable, Sendable {
    case hole
    /// A name, possibly indexed: `x`, `x[_]`, `data[c, _]`. Index lists match by
    /// zipping (a shorter pattern list matches a prefix), as Exo does.
    case read(String, [PatternExpr])
    case int(Int)
    case float(Double)
    case bool(Bool)
    case unary(UnaryOp, PatternExpr)
    case binary(BinaryOp, PatternExpr, PatternExpr)
    /// `stride(x, 1)` and other built-in calls in expressions.
    case builtin(String, [PatternExpr])
    /// `x[0:4, i]` (matches a window expression).
    case window(String, [PatternWindowAccess])
}

enum PatternWindowAccess: Hashable, Sendable {
    case point(PatternExpr)
    case interval(PatternExpr, PatternExpr)
}

indirect enum PatternStmt: Hashable, Sendable {
    case hole
    case assign(String, [PatternExpr], PatternExpr)
    case reduce(String, [PatternExpr], PatternExpr)
    case pass
    /// `for i in _: body` (lo nil) or `for i in seq(lo, hi): body`; Exo matches the name and `hi`.
    case loop(String, PatternExpr?, PatternExpr, [PatternStmt])
    case ifElse(PatternExpr, [PatternStmt], [PatternStmt])
    /// `x : _`, `x : i32`, `x : i32[_, 4]`: sizes zip-match the allocation's shape.
    case alloc(String, [PatternExpr])
    case call(String)
}

enum Pattern: Hashable, Sendable {
    case stmts([PatternStmt])
    case expr(PatternExpr)
}

/// A parsed pattern string: the pattern and which match to return.
struct PatternQuery: Sendable {
    var pattern: Pattern
    /// `#n` suffix (0-based); nil for all matches.
    var matchNumber: Int?
    var source: String
}
