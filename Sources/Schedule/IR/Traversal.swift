/// Generic walks over the IR, so checks and rewrites don't each re-write the recursion.

extension WindowAccess {
    public var exprs: [Expr] {
        switch self {
        case .point(let e): [e]
        case .interval(let lo, let hi): [lo, hi]
        }
    }
    public func mapExprs(_ f: (Expr) throws -> Expr) rethrows -> WindowAccess {
        switch self {
        case .point(let e): .point(try f(e))
        case .interval(let lo, let hi): .interval(try f(lo), try f(hi))
        }
    }
}

extension Expr {
    /// Direct sub-expressions, left to right.
    public var children: [Expr] {
        switch node {
        case .read(_, let idx): idx
        case .int, .float, .bool, .stride: []
        case .unary(_, let e): [e]
        case .binary(_, let a, let b): [a, b]
        case .window(_, let accesses): accesses.flatMap(\.exprs)
        }
    }

    /// Rebuilds the expression bottom-up: children first, then `f` on the node.
    public func transformed(_ f: (Expr) throws -> Expr) rethrows -> Expr {
        var copy = self
        switch node {
        case .read(let s, let idx): copy.node = .read(s, try idx.map { try $0.transformed(f) })
        case .int, .float, .bool, .stride: break
        case .unary(let op, let e): copy.node = .unary(op, try e.transformed(f))
        case .binary(let op, let a, let b): copy.node = .binary(op, try a.transformed(f), try b.transformed(f))
        case .window(let s, let acc): copy.node = .window(s, try acc.map { try $0.mapExprs { try $0.transformed(f) } })
        }
        return try f(copy)
    }

    /// Every symbol the expression mentions (variables, tensors, windows, strides).
    public var symbols: Set<Sym> {
        var out = Set<Sym>()
        collectSymbols(into: &out)
        return out
    }

    private func collectSymbols(into out: inout Set<Sym>) {
        switch node {
        case .read(let s, _), .window(let s, _), .stride(let s, _): out.insert(s)
        default: break
        }
        for c in children { c.collectSymbols(into: &out) }
    }

    /// Replaces reads of scalar variables (`read(s, [])`) by expressions.
    public func substituting(_ map: [Sym: Expr]) -> Expr {
        if map.isEmpty { return self }
        return transformed { e in
            if case .read(let s, let idx) = e.node, idx.isEmpty, let r = map[s] { return r }
            return e
        }
    }

    /// Renames symbols everywhere they occur (reads, windows, strides).
    public func renaming(_ map: [Sym: Sym]) -> Expr {
        if map.isEmpty { return self }
        return transformed { e in
            var e = e
            switch e.node {
            case .read(let s, let idx): if let t = map[s] { e.node = .read(t, idx) }
            case .window(let s, let a): if let t = map[s] { e.node = .window(t, a) }
            case .stride(let s, let d): if let t = map[s] { e.node = .stride(t, d) }
            default: break
            }
            return e
        }
    }
}

extension Stmt {
    /// Nested statement blocks (loop/if bodies), in order.
    public var blocks: [[Stmt]] {
        switch node {
        case .ifElse(_, let body, let orelse): [body, orelse]
        case .loop(_, _, _, let body): [body]
        default: []
        }
    }

    /// Expressions directly owned by this statement (not those of nested statements).
    public var exprs: [Expr] {
        switch node {
        case .assign(_, let idx, let rhs), .reduce(_, let idx, let rhs): idx + [rhs]
        case .pass, .alloc: []
        case .ifElse(let c, _, _): [c]
        case .loop(_, let lo, let hi, _): [lo, hi]
        case .call(_, let args): args
        case .windowDef(_, let e): [e]
        }
    }

    /// Applies `f` to every expression of this statement and, recursively, of
    /// nested statements (allocation shapes included), in text order.
    public func mappingExprs(_ f: (Expr) throws -> Expr) rethrows -> Stmt {
        try mappingOwnExprs(f).mappingBlocks { try $0.map { try $0.mappingExprs(f) } }
    }

    /// Applies `f` to the statement's own expressions (as listed by `exprs`,
    /// or the shape of an allocation), not to nested statements.
    func mappingOwnExprs(_ f: (Expr) throws -> Expr) rethrows -> Stmt {
        var copy = self
        switch node {
        case .assign(let s, let idx, let rhs): copy.node = .assign(s, try idx.map(f), try f(rhs))
        case .reduce(let s, let idx, let rhs): copy.node = .reduce(s, try idx.map(f), try f(rhs))
        case .pass: break
        case .ifElse(let c, let b, let o): copy.node = .ifElse(try f(c), b, o)
        case .loop(let i, let lo, let hi, let b): copy.node = .loop(i, try f(lo), try f(hi), b)
        case .alloc(let s, let t, let m):
            if case .tensor(let el, let shape, let w) = t {
                copy.node = .alloc(s, .tensor(el, shape: try shape.map(f), isWindow: w), m)
            }
        case .call(let p, let args): copy.node = .call(p, try args.map(f))
        case .windowDef(let s, let e): copy.node = .windowDef(s, try f(e))
        }
        return copy
    }

    /// Rebuilds nested blocks with `f` (statement lists), leaving expressions alone.
    public func mappingBlocks(_ f: ([Stmt]) throws -> [Stmt]) rethrows -> Stmt {
        var copy = self
        switch node {
        case .ifElse(let c, let b, let o): copy.node = .ifElse(c, try f(b), try f(o))
        case .loop(let i, let lo, let hi, let b): copy.node = .loop(i, lo, hi, try f(b))
        default: break
        }
        return copy
    }

    /// Visits this statement and every nested one, pre-order.
    public func forEach(_ visit: (Stmt) throws -> Void) rethrows {
        try visit(self)
        for block in blocks { for s in block { try s.forEach(visit) } }
    }

    /// The symbol written by an assignment, reduction, allocation or window definition.
    public var definedOrWrittenSymbol: Sym? {
        switch node {
        case .assign(let s, _, _), .reduce(let s, _, _), .alloc(let s, _, _), .windowDef(let s, _): s
        case .loop(let i, _, _, _): i
        default: nil
        }
    }
}
