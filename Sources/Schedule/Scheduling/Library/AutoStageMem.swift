extension Procedure {
    /// `auto_stage_mem(p, block, buf, new_name, accum)` from Exo's standard
    /// library: `stageMem` with the tightest window covering every access
    /// of `buffer` in the block. Each index is bounded over the loops inside
    /// the block (affine indices: the bound of a term is taken at the end
    /// of its variable's range that minimises or maximises it); a dimension
    /// whose accesses all use the same index becomes a point, one whose
    /// bounds cannot be compared spans the whole dimension.
    public func autoStageMem(_ block: Cursor, _ buffer: String, name: String, accumulate: Bool = false) throws -> Procedure {
        let rw = "autoStageMem"
        let place = try resolve(block, rw, as: [.block, .statement])
        let ctx = ProgramContext(ir, at: place)
        guard case .read(let x, []) = try ctx.parse(buffer, for: rw).node, let type = ctx.symbols[x], type.isData else {
            throw KernelError(.schedule, "\(rw): `\(buffer)` is not a data buffer")
        }
        let stmts = Array(StatementTree.block(ir.body, owner: place.owner, block: place.block)![place.lo..<place.hi])
        var finder = AccessRanges(buffer: x, simplifier: ctx.simplifier)
        for s in stmts { finder.visit(s) }
        guard !finder.ranges.isEmpty else {
            throw failure(rw, "the block does not access \(x.name)", at: place)
        }
        let shape = type.shape
        var accesses: [WindowAccess] = []
        for d in shape.indices {
            let lows = finder.ranges.map { $0[d]?.0 }, highs = finder.ranges.map { $0[d]?.1 }
            guard let lo = extreme(lows, lowest: true, ctx), let hi = extreme(highs, lowest: false, ctx) else {
                accesses.append(.interval(.int(0), shape[d]))
                continue
            }
            let simp = ctx.simplifier
            if let fl = simp.affine(lo), let fh = simp.affine(hi), (fh - fl).constantValue == 0 {
                accesses.append(.point(simp.simplify(lo)))
            } else {
                accesses.append(.interval(simp.simplify(lo), simp.simplify(hi + .int(1))))
            }
        }
        let window = shape.isEmpty ? Expr.read(x, []) : Expr(.window(x, accesses))
        return try stageMem(at: place, window: window, name: name, accumulate: accumulate)
    }

    /// The least (or greatest) of several bounds, when the oracle can order them.
    private func extreme(_ bounds: [Expr?], lowest: Bool, _ ctx: ProgramContext) -> Expr? {
        var best: Expr?
        for b in bounds {
            guard let b else { return nil }
            guard let cur = best else { best = b; continue }
            let simp = ctx.simplifier
            if let fb = simp.affine(b), let fc = simp.affine(cur), let d = (fb - fc).constantValue {
                if lowest ? d < 0 : d > 0 { best = b }
                continue
            }
            let bFirst = Expr(.binary(.le, lowest ? b : cur, lowest ? cur : b))
            let curFirst = Expr(.binary(.le, lowest ? cur : b, lowest ? b : cur))
            let q = { (claim: Expr) in ProofQuery(claim: claim, facts: ctx.facts, variableTypes: ctx.controlTypes) }
            if oracle.prove(q(bFirst)).isProved { best = b } else if !oracle.prove(q(curFirst)).isProved { return nil }
        }
        return best
    }
}

/// Bounds of every index of the accesses of one buffer, over the loops
/// inside the analysed statements: per access, per dimension, the least and
/// greatest value as expressions of the variables outside (nil when the
/// index is not affine in the inner loop variables).
struct AccessRanges {
    let buffer: Sym
    let simplifier: IndexSimplifier
    private(set) var ranges: [[Int: (Expr, Expr)]] = []
    private var loops: [Sym: (Expr, Expr)] = [:]

    init(buffer: Sym, simplifier: IndexSimplifier) {
        self.buffer = buffer
        self.simplifier = simplifier
    }

    mutating func visit(_ s: Stmt) {
        switch s.node {
        case .assign(let x, let idx, _), .reduce(let x, let idx, _):
            if x == buffer { record(idx) }
        case .loop(let i, let lo, let hi, _):
            loops[i] = (lo, hi)
        default:
            break
        }
        for e in s.exprs { reads(e) }
        for b in s.blocks { for t in b { visit(t) } }
        if case .loop(let i, _, _, _) = s.node { loops[i] = nil }
    }

    private mutating func reads(_ e: Expr) {
        if case .read(let x, let idx) = e.node, x == buffer { record(idx) }
        for c in e.children { reads(c) }
    }

    private mutating func record(_ idx: [Expr]) {
        var r: [Int: (Expr, Expr)] = [:]
        for (d, e) in idx.enumerated() {
            if let lo = bound(e, lowest: true), let hi = bound(e, lowest: false) { r[d] = (lo, hi) }
        }
        ranges.append(r)
    }

    /// The least or greatest value of an index over the inner loops.
    private func bound(_ e: Expr, lowest: Bool, depth: Int = 0) -> Expr? {
        guard depth < 16, let f = simplifier.affine(e) else { return nil }
        var out = Expr.int(f.constant)
        for t in f.terms {
            let piece: Expr
            if case .read(let v, let idx) = t.atom.node, idx.isEmpty, let (lo, hi) = loops[v] {
                // Increasing in v: its lowest value gives the lowest result.
                let low = (t.coefficient > 0) == lowest
                guard let end = low ? bound(lo, lowest: true, depth: depth + 1)
                                    : bound(hi - .int(1), lowest: false, depth: depth + 1) else { return nil }
                piece = end
            } else {
                guard t.atom.symbols.isDisjoint(with: Set(loops.keys)) else { return nil }
                piece = t.atom
            }
            out = out + Expr.int(t.coefficient) * piece
        }
        return simplifier.simplify(out)
    }
}
