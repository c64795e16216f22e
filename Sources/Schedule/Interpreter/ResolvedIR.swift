/// The interpreter's form of a proc: every symbol replaced by a slot number
/// in one of two frame arrays (control values, tensors), so execution does
/// no dictionary lookups. Built once per proc by `Resolver`.

/// A control (index, size or bool) expression; bools are 0/1.
indirect enum IExpr {
    case const(Int)
    case slot(Int)
    case binary(BinaryOp, IExpr, IExpr, SourceLocation)
    case neg(IExpr, SourceLocation)
    case not(IExpr)
    /// `stride(x, d)` of the tensor in a tensor slot.
    case stride(Int, Int, SourceLocation)
}

/// A data expression.
indirect enum DExpr {
    case int(Int)
    case float(Float)
    /// Element (or scalar when the index list is empty) of the tensor in a slot.
    case read(Int, [IExpr], SourceLocation)
    /// A control value used as data.
    case index(IExpr)
    case binary(BinaryOp, DExpr, DExpr, SourceLocation)
    case neg(DExpr)
}

enum RDim {
    case point(IExpr)
    case interval(IExpr, IExpr)
}

/// A view of the tensor in `source`: whole (no dims) or a window.
struct RWindow {
    var source: Int
    var dims: [RDim]
    var loc: SourceLocation
}

enum RArg {
    case control(IExpr)
    case tensor(RWindow)
}

indirect enum RStmt {
    case store(Int, [IExpr], DExpr, reduce: Bool, SourceLocation)
    case ifElse(IExpr, [RStmt], [RStmt])
    case loop(Int, IExpr, IExpr, [RStmt])
    case alloc(Int, ScalarType, [IExpr], SourceLocation)
    case call(ResolvedProc, [RArg], SourceLocation)
    case window(Int, RWindow)
    case pass
}

/// How a parameter is bound in the callee's frame.
enum RParam {
    case control(slot: Int, isSize: Bool, isBool: Bool)
    case tensor(slot: Int, type: ScalarType, shape: [IExpr])
}

final class ResolvedProc {
    let proc: Proc
    var params: [RParam] = []
    var preconditions: [(IExpr, Expr)] = []
    var body: [RStmt] = []
    var controlSlots = 0
    var tensorSlots = 0

    init(proc: Proc) { self.proc = proc }
}
