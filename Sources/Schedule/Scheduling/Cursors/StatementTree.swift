/// Reading and rebuilding a proc body by tree paths: the primitive every
/// rewrite uses to replace one range of one block by new statements.
enum StatementTree {
    static func stmt(_ body: [Stmt], at path: [TreeStep]) -> Stmt? {
        guard let first = path.first, first.block == 0, body.indices.contains(first.index) else { return nil }
        var s = body[first.index]
        for step in path.dropFirst() {
            let blocks = s.blocks
            guard blocks.indices.contains(step.block), blocks[step.block].indices.contains(step.index) else { return nil }
            s = blocks[step.block][step.index]
        }
        return s
    }

    static func block(_ body: [Stmt], owner: [TreeStep], block: Int) -> [Stmt]? {
        if owner.isEmpty { return block == 0 ? body : nil }
        guard let s = stmt(body, at: owner), s.blocks.indices.contains(block) else { return nil }
        return s.blocks[block]
    }

    /// Rebuilds the body with block `block` of `owner` replaced by `f(old block)`.
    static func editing(_ body: [Stmt], owner: [TreeStep], block: Int,
                        _ f: ([Stmt]) throws -> [Stmt]) rethrows -> [Stmt] {
        if owner.isEmpty { return try f(body) }
        var body = body
        let first = owner[0]
        body[first.index] = try editingStmt(body[first.index], rest: owner.dropFirst(), block: block, f)
        return body
    }

    private static func editingStmt(_ s: Stmt, rest: ArraySlice<TreeStep>, block: Int,
                                    _ f: ([Stmt]) throws -> [Stmt]) rethrows -> Stmt {
        guard let step = rest.first else {
            var i = -1
            return try s.mappingBlocks { b in
                i += 1
                return i == block ? try f(b) : b
            }
        }
        var i = -1
        return try s.mappingBlocks { b in
            i += 1
            guard i == step.block else { return b }
            var b = b
            b[step.index] = try editingStmt(b[step.index], rest: rest.dropFirst(), block: block, f)
            return b
        }
    }

    /// Replaces statements `lo..<hi` of a block by `new`.
    static func replacing(_ body: [Stmt], owner: [TreeStep], block: Int, range: Range<Int>, with new: [Stmt]) -> [Stmt] {
        editing(body, owner: owner, block: block) { b in
            var b = b
            b.replaceSubrange(range, with: new)
            return b
        }
    }

    /// The expression at `exprPath` inside a statement.
    static func expr(in s: Stmt, at exprPath: [Int]) -> Expr? {
        guard let first = exprPath.first else { return nil }
        var exprs = s.exprs
        if case .alloc(_, let t, _) = s.node { exprs = t.shape }
        guard exprs.indices.contains(first) else { return nil }
        var e = exprs[first]
        for k in exprPath.dropFirst() {
            let c = e.children
            guard c.indices.contains(k) else { return nil }
            e = c[k]
        }
        return e
    }

    /// Replaces the expression at `exprPath` inside a statement's own expressions.
    static func replacingExpr(in s: Stmt, at exprPath: [Int], with new: Expr) -> Stmt {
        var k = -1
        let first = exprPath[0]
        return s.mappingOwnExprs { e in
            k += 1
            return k == first ? replacing(e, at: exprPath.dropFirst(), with: new) : e
        }
    }

    private static func replacing(_ e: Expr, at path: ArraySlice<Int>, with new: Expr) -> Expr {
        guard let k = path.first else { return new }
        var copy = e
        var j = -1
        func next(_ c: Expr) -> Expr {
            j += 1
            return j == k ? replacing(c, at: path.dropFirst(), with: new) : c
        }
        switch e.node {
        case .read(let s, let idx): copy.node = .read(s, idx.map(next))
        case .unary(let op, let a): copy.node = .unary(op, next(a))
        case .binary(let op, let a, let b):
            let na = next(a)
            copy.node = .binary(op, na, next(b))
        case .window(let s, let acc): copy.node = .window(s, acc.map { $0.mapExprs(next) })
        case .int, .float, .bool, .stride: break
        }
        return copy
    }
}
