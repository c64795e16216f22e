/// Exo's cursor navigation: parent, body, next/prev, before/after gaps,
/// expanding blocks, and the parts of loops and statements.
extension Cursor {
    /// The enclosing statement (of a statement, block or gap), or the
    /// enclosing expression / statement of an expression.
    public func parent() throws -> Cursor {
        if place.kind == .expression {
            if place.exprPath.count > 1 {
                var p = place
                p.exprPath.removeLast()
                return with(p)
            }
            return with(.node(place.stmtPath))
        }
        guard !place.owner.isEmpty else { throw misuse("is at the top level of the proc and has no parent") }
        return with(.node(place.owner))
    }

    /// The body of a loop or `if` (a block cursor).
    public func body() throws -> Cursor { try block(0, "body") }

    /// The `else` block of an `if`.
    public func orelse() throws -> Cursor { try block(1, "orelse") }

    private func block(_ k: Int, _ what: String) throws -> Cursor {
        let s = try stmt
        guard place.kind == .statement, s.blocks.indices.contains(k), !s.blocks[k].isEmpty else {
            throw misuse("has no \(what)")
        }
        return with(.block(owner: place.stmtPath, block: k, 0..<s.blocks[k].count))
    }

    private var blockCount: Int {
        StatementTree.block(ir.body, owner: place.owner, block: place.block)?.count ?? 0
    }

    /// The statement `n` positions after this statement (or after the end of a block / a gap).
    public func next(_ n: Int = 1) throws -> Cursor {
        let k = (place.kind == .gap ? place.lo - 1 : place.hi - 1) + n
        guard k >= 0, k < blockCount else { throw misuse("has no statement \(n) after it") }
        return with(.node(place.owner + [TreeStep(block: place.block, index: k)]))
    }

    /// The statement `n` positions before this statement (or before a block / a gap).
    public func prev(_ n: Int = 1) throws -> Cursor {
        let k = place.lo - n
        guard k >= 0, k < blockCount else { throw misuse("has no statement \(n) before it") }
        return with(.node(place.owner + [TreeStep(block: place.block, index: k)]))
    }

    /// The gap just before this statement or block.
    public func before() throws -> Cursor {
        guard place.kind == .statement || place.kind == .block else { throw misuse("has no gap before it") }
        return with(.gap(owner: place.owner, block: place.block, at: place.lo))
    }

    /// The gap just after this statement or block.
    public func after() throws -> Cursor {
        guard place.kind == .statement || place.kind == .block else { throw misuse("has no gap after it") }
        return with(.gap(owner: place.owner, block: place.block, at: place.hi))
    }

    /// Widens a statement or block cursor by `before` statements up and
    /// `after` statements down (nil: to the edge of the block).
    public func expand(_ before: Int? = nil, _ after: Int? = nil) throws -> Cursor {
        guard place.kind == .statement || place.kind == .block else { throw misuse("cannot be expanded") }
        let count = blockCount
        let lo = before.map { place.lo - $0 } ?? 0
        let hi = after.map { place.hi + $0 } ?? count
        guard lo >= 0, hi <= count, lo < hi else { throw misuse("cannot expand past its block") }
        return with(.block(owner: place.owner, block: place.block, lo..<hi))
    }

    /// The block cursor of a statement (a block of one).
    public func asBlock() throws -> Cursor {
        guard place.kind == .statement || place.kind == .block else { throw misuse("is not a statement") }
        return with(.block(owner: place.owner, block: place.block, place.lo..<place.hi))
    }

    /// Statement `k` of a block cursor.
    public subscript(_ k: Int) -> Cursor {
        get throws {
            guard place.kind == .block, k >= 0, place.lo + k < place.hi else { throw misuse("has no statement \(k)") }
            return with(.node(place.owner + [TreeStep(block: place.block, index: place.lo + k)]))
        }
    }

    // MARK: parts of statements (expression cursors)

    private func part(_ k: Int, _ what: String) throws -> Cursor {
        guard place.kind == .statement, StatementTree.expr(in: try stmt, at: [k]) != nil else { throw misuse("has no \(what)") }
        var p = place
        p.kind = .expression
        p.exprPath = [k]
        return with(p)
    }

    /// The lower bound of a loop.
    public func lo() throws -> Cursor {
        guard isLoop else { throw misuse("is not a loop") }
        return try part(0, "lower bound")
    }

    /// The upper bound of a loop.
    public func hi() throws -> Cursor {
        guard isLoop else { throw misuse("is not a loop") }
        return try part(1, "upper bound")
    }

    /// The condition of an `if`.
    public func cond() throws -> Cursor {
        guard isIf else { throw misuse("is not an if") }
        return try part(0, "condition")
    }

    /// The right-hand side of an assignment or reduction.
    public func rhs() throws -> Cursor {
        switch try stmt.node {
        case .assign(_, let idx, _), .reduce(_, let idx, _): return try part(idx.count, "right-hand side")
        default: throw misuse("is not an assignment or reduction")
        }
    }

    /// The index expressions of an assignment or reduction.
    public func idx() throws -> [Cursor] {
        switch try stmt.node {
        case .assign(_, let idx, _), .reduce(_, let idx, _): return try idx.indices.map { try part($0, "index") }
        default: throw misuse("is not an assignment or reduction")
        }
    }

    /// The arguments of a call.
    public func args() throws -> [Cursor] {
        guard case .call(_, let args) = try stmt.node else { throw misuse("is not a call") }
        return try args.indices.map { try part($0, "argument") }
    }

    /// The operands (children) of an expression.
    public func children() throws -> [Cursor] {
        let e = try expr
        return e.children.indices.map { k in
            var p = place
            p.exprPath.append(k)
            return with(p)
        }
    }
}
