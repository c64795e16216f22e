extension Procedure {
    /// `bind_expr(p, exprs, name)`: computes a data expression into a new
    /// scalar `name` just before its statement and reads it instead. All
    /// cursors must point at equal expressions in the right-hand side of the
    /// same assignment or reduction (which reads its right-hand side before
    /// writing, so the value is unchanged).
    public func bindExpr(_ exprs: [Cursor], newName: String) throws -> Procedure {
        let rw = "bindExpr"
        guard !exprs.isEmpty else { throw KernelError(.schedule, "\(rw): no expression given") }
        try Self.checkName(newName, rw, "the new scalar")
        let places = try exprs.map { try resolve($0, rw, as: [.expression]) }
        let stmtPath = places[0].stmtPath
        let s = try stmt(at: places[0], rw)
        guard places.allSatisfy({ $0.stmtPath == stmtPath }) else {
            throw failure(rw, "the expressions are not all in the same statement", at: s)
        }
        let e = StatementTree.expr(in: s, at: places[0].exprPath)!
        guard places.allSatisfy({ StatementTree.expr(in: s, at: $0.exprPath) == e }) else {
            throw failure(rw, "the expressions are not all the same", at: s)
        }
        let rhsIndex: Int
        switch s.node {
        case .assign(_, let idx, _), .reduce(_, let idx, _): rhsIndex = idx.count
        default: throw failure(rw, "expressions can only be bound in an assignment or reduction", at: s)
        }
        guard places.allSatisfy({ $0.exprPath.first == rhsIndex }) else {
            throw failure(rw, "only data expressions of the right-hand side can be bound", at: s)
        }
        let symbols = SymbolTypes(ir)
        guard let type = Self.elementType(of: e, symbols) else {
            throw failure(rw, "`\(StatementText.expr(e))` reads no data, so its type is unknown", at: s)
        }
        let x = Sym(newName)
        var newStmt = s
        for p in places { newStmt = StatementTree.replacingExpr(in: newStmt, at: p.exprPath, with: .variable(x)) }
        let added = [Stmt(.alloc(x, .scalar(type), .dram), at: s.loc), Stmt(.assign(x, [], e), at: s.loc), newStmt]
        let place = places[0]
        let body = StatementTree.replacing(ir.body, owner: place.owner, block: place.block,
                                           range: place.lo..<place.lo + 1, with: added)
        let path = place.stmtPath
        let newPath = place.owner + [TreeStep(block: place.block, index: place.lo + 2)]
        let forward = Forward.replacing(owner: place.owner, block: place.block, range: place.lo..<place.lo + 1,
                                        newCount: 3, inside: Forward.node(path, to: newPath))
        return derived(rw, body: body, forward, arguments: places.map(argument) + [newName])
    }

    public func bindExpr(_ expr: Cursor, newName: String) throws -> Procedure {
        try bindExpr([expr], newName: newName)
    }

    /// The type that holds the expression's value exactly. A bare read keeps
    /// its element type; arithmetic follows C (and the interpreter): integer
    /// operands are promoted and the result is a 32-bit int, or f32 when any
    /// operand is a float. (Narrowing `a8 * b8` into an i8 would change it.)
    /// nil when the expression reads no data.
    static func elementType(of e: Expr, _ symbols: SymbolTypes) -> ScalarType? {
        if case .read(let s, _) = e.node { return symbols[s]?.elementType }
        var readsData = false, isFloat = false
        func visit(_ e: Expr) {
            switch e.node {
            case .read(let s, _):
                if let t = symbols[s]?.elementType {
                    readsData = true
                    isFloat = isFloat || t.isFloat
                }
            case .float: isFloat = true
            default: break
            }
            e.children.forEach(visit)
        }
        visit(e)
        guard readsData else { return nil }
        return isFloat ? .f32 : .i32
    }
}
