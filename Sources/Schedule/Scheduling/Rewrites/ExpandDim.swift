extension Procedure {
    /// `expand_dim(p, alloc, size, index)`: gives an allocation a new
    /// leading dimension of `size` and makes every access use element
    /// `index` of it (both resolved where the allocation is). Requires
    /// `0 <= index < size` wherever the buffer is used.
    public func expandDim(_ alloc: Cursor, _ size: ExprArgument, _ index: ExprArgument) throws -> Procedure {
        let rw = "expandDim"
        let place = try resolve(alloc, rw, as: [.statement])
        let s = try stmt(at: place, rw)
        guard case .alloc(let x, let t, let mem) = s.node, let el = t.elementType else {
            throw failure(rw, "expected a data allocation", at: s)
        }
        let ctx = ProgramContext(ir, at: place)
        let sizeE = ctx.simplifier.simplify(try size.resolve(in: ctx, rw))
        let indexE = try index.resolve(in: ctx, rw)
        let loopVars = Set(ctx.loopVariables)
        if let v = sizeE.symbols.first(where: { loopVars.contains($0) || ctx.symbols.isData($0) }) {
            throw failure(rw, "the new size may only use sizes and constants, not \(v.name)", at: s)
        }
        try require(Expr(.binary(.and, Expr(.binary(.le, .int(0), indexE)), Expr(.binary(.lt, indexE, sizeE)))),
                    in: ctx, rw, "the index \(StatementText.expr(indexE)) is not provably within [0, \(StatementText.expr(sizeE)))", at: s)
        var newAlloc = s
        newAlloc.node = .alloc(x, .tensor(el, shape: [sizeE] + t.shape, isWindow: false), mem)
        let rest = StatementTree.block(ir.body, owner: place.owner, block: place.block)![(place.lo + 1)...]
        let rewritten = [newAlloc] + rest.map { Self.addingIndex(indexE, to: x, in: $0) }
        let body = StatementTree.replacing(ir.body, owner: place.owner, block: place.block,
                                           range: place.lo..<place.lo + 1 + rest.count, with: rewritten)
        return derived(rw, body: body, Forward.identity, arguments: [argument(place), argument(size), argument(index)])
    }

    private static func addingIndex(_ index: Expr, to x: Sym, in s: Stmt) -> Stmt {
        let inExprs: (Expr) -> Expr = { e in
            e.transformed { e in
                var e = e
                switch e.node {
                case .read(x, let idx): e.node = .read(x, [index] + idx)
                case .window(x, let acc): e.node = .window(x, [.point(index)] + acc)
                case .stride(x, let d): e.node = .stride(x, d + 1)
                default: break
                }
                return e
            }
        }
        var out = s.mappingOwnExprs(inExprs)
        switch out.node {
        case .assign(x, let idx, let rhs): out.node = .assign(x, [index] + idx, rhs)
        case .reduce(x, let idx, let rhs): out.node = .reduce(x, [index] + idx, rhs)
        default: break
        }
        return out.mappingBlocks { $0.map { addingIndex(index, to: x, in: $0) } }
    }
}
