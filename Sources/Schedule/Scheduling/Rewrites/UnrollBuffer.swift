extension Procedure {
    /// `unroll_buffer(p, alloc, dim)`: an allocation whose dimension `dim`
    /// has a constant size n, and which is only ever accessed with constant
    /// indices in that dimension, becomes n allocations `x_0 ... x_{n-1}`
    /// of the remaining shape (scalars when none remains); `x[c, i]` becomes
    /// `x_c[i]`. Used to give each tile of a tile array its own register.
    /// Refused when an access (or a window, or `stride`) uses that
    /// dimension with a non-constant or out-of-range index, or the buffer is
    /// passed whole. Cursors to the allocation follow `x_0`.
    public func unrollBuffer(_ alloc: Cursor, dimension dim: Int = 0) throws -> Procedure {
        let rw = "unrollBuffer"
        let place = try resolve(alloc, rw, as: [.statement])
        let s = try stmt(at: place, rw)
        guard case .alloc(let x, .tensor(let el, let shape, _), let mem) = s.node else {
            throw failure(rw, "expected the allocation of a tensor", at: place)
        }
        guard shape.indices.contains(dim) else {
            throw failure(rw, "\(x.name) has \(shape.count) dimensions, no dimension \(dim)", at: place)
        }
        guard let n = IndexSimplifier().simplify(shape[dim]).intValue, n > 0 else {
            throw failure(rw, "dimension \(dim) of \(x.name) has no positive constant size (it is \(StatementText.expr(shape[dim])))",
                          at: place)
        }
        guard n <= Self.unrollStatementLimit else {
            throw failure(rw, "dimension \(dim) of \(x.name) has \(n) entries: more buffers than the limit of \(Self.unrollStatementLimit)", at: place)
        }
        var rest = shape
        rest.remove(at: dim)
        let type: DataType = rest.isEmpty ? .scalar(el) : .tensor(el, shape: rest, isWindow: false)
        let parts = (0..<n).map { Sym("\(x.name)_\($0)") }
        let block = StatementTree.block(ir.body, owner: place.owner, block: place.block) ?? []
        let scope = block[(place.lo + 1)...]
        let splitter = BufferSplitter(buffer: x, dimension: dim, parts: parts)
        var rewritten: [Stmt] = []
        for st in scope {
            do {
                rewritten.append(try splitter.stmt(st))
            } catch {
                throw failure(rw, error.reason, at: error.stmt)
            }
        }
        let allocs = parts.map { Stmt(.alloc($0, type, mem), at: s.loc) }
        let body = StatementTree.replacing(ir.body, owner: place.owner, block: place.block,
                                           range: place.lo..<block.count, with: allocs + rewritten)
        let path = place.stmtPath
        // Statements keep their positions relative to each other; they move down by n - 1.
        let forward = Forward.replacing(owner: place.owner, block: place.block, range: place.lo..<place.lo + 1,
                                        newCount: n, inside: Forward.node(path, to: path))
        return derived(rw, body: body, forward, arguments: [argument(place), "\(dim)"])
    }
}

/// Rewrites the accesses of one buffer to the buffers its unrolled dimension became.
private struct BufferSplitter {
    struct Problem: Error {
        var reason: String
        var stmt: Stmt
    }
    /// Why an expression cannot be rewritten.
    struct Reason: Error { var text: String }

    let buffer: Sym
    let dimension: Int
    let parts: [Sym]

    func stmt(_ s: Stmt) throws(Problem) -> Stmt {
        var out: Stmt
        do {
            out = try s.mappingOwnExprs { try $0.transformed(redirect) }
        } catch {
            throw Problem(reason: (error as? Reason)?.text ?? "\(error)", stmt: s)
        }
        switch out.node {
        case .assign(buffer, let idx, let rhs), .reduce(buffer, let idx, let rhs):
            let (part, rest): (Sym, [Expr])
            do {
                (part, rest) = try split(idx)
            } catch {
                throw Problem(reason: error.text, stmt: s)
            }
            if case .assign = out.node { out.node = .assign(part, rest, rhs) } else { out.node = .reduce(part, rest, rhs) }
        default:
            break
        }
        var blocks: [[Stmt]] = []
        for b in out.blocks {
            var nb: [Stmt] = []
            for inner in b { nb.append(try stmt(inner)) }
            blocks.append(nb)
        }
        var k = -1
        return out.mappingBlocks { _ in
            k += 1
            return blocks[k]
        }
    }

    /// An expression with every use of the buffer redirected (throws a `Reason`).
    private func redirect(_ e: Expr) throws -> Expr {
        switch e.node {
        case .read(buffer, let idx):
            guard !idx.isEmpty else { throw Reason(text: "\(buffer.name) is used whole, not element by element") }
            let (part, rest) = try split(idx)
            return Expr(.read(part, rest), at: e.loc)
        case .window(buffer, let acc):
            guard acc.indices.contains(dimension), case .point(let c) = acc[dimension] else {
                throw Reason(text: "the window `\(e.exoText)` spans dimension \(dimension) of \(buffer.name)")
            }
            let part = try self.part(c)
            var rest = acc
            rest.remove(at: dimension)
            if rest.isEmpty { return Expr(.read(part, []), at: e.loc) }
            return Expr(.window(part, rest), at: e.loc)
        case .stride(buffer, let d):
            guard d != dimension else { throw Reason(text: "`\(e.exoText)` is the stride of the unrolled dimension") }
            return Expr(.stride(parts[0], d > dimension ? d - 1 : d), at: e.loc)
        default:
            return e
        }
    }

    private func split(_ idx: [Expr]) throws(Reason) -> (Sym, [Expr]) {
        guard idx.indices.contains(dimension) else { throw Reason(text: "an access of \(buffer.name) has too few indices") }
        var rest = idx
        let c = rest.remove(at: dimension)
        return (try part(c), rest)
    }

    private func part(_ index: Expr) throws(Reason) -> Sym {
        guard let c = IndexSimplifier().simplify(index).intValue else {
            throw Reason(text: "the index `\(index.exoText)` in dimension \(dimension) of \(buffer.name) is not a constant")
        }
        guard parts.indices.contains(c) else {
            throw Reason(text: "the index \(c) in dimension \(dimension) of \(buffer.name) is outside [0, \(parts.count))")
        }
        return parts[c]
    }
}

