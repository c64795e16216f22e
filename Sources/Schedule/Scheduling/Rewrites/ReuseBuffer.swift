extension Procedure {
    /// `reuse_buffer(p, buf, replace)`: removes the allocation of `replace`
    /// (B) and uses the earlier allocation `buf` (A) in its place, e.g. to
    /// keep the number of live tile registers down. B must be allocated in
    /// A's scope after A, with the same element type, shape and memory.
    ///
    /// Sound when A is dead wherever B lives. Checked structurally: in the
    /// block where A lives, no statement after the first one touching B
    /// uses A (a statement touching both is a loop or `if` checked the same
    /// way inside). Inside such a loop the body runs again after B's part,
    /// so A's first use in the body must overwrite all of A (nothing flows
    /// into an iteration through A), and likewise B's first use (or B is
    /// allocated in the body).
    public func reuseBuffer(_ buf: Cursor, _ replace: Cursor) throws -> Procedure {
        let rw = "reuseBuffer"
        let aPlace = try resolve(buf, rw, as: [.statement]), bPlace = try resolve(replace, rw, as: [.statement])
        let aStmt = try stmt(at: aPlace, rw), bStmt = try stmt(at: bPlace, rw)
        guard case .alloc(let a, let aType, let aMem) = aStmt.node else { throw failure(rw, "expected an allocation", at: aPlace) }
        guard case .alloc(let b, let bType, let bMem) = bStmt.node else { throw failure(rw, "expected an allocation", at: bPlace) }
        guard a != b else { throw failure(rw, "a buffer cannot replace itself", at: aPlace) }
        let simp = IndexSimplifier()
        let sameShape = aType.shape.count == bType.shape.count
            && zip(aType.shape, bType.shape).allSatisfy { simp.simplify($0) == simp.simplify($1) }
        guard aType.elementType == bType.elementType, sameShape, aMem == bMem else {
            throw failure(rw, "the buffers differ: \(a.name) is `\(aType.exoText) @ \(aMem)`, \(b.name) is `\(bType.exoText) @ \(bMem)`",
                          at: bPlace)
        }
        // B's allocation must lie in A's block after A, or inside a statement that does.
        let depth = aPlace.owner.count
        let bPath = bPlace.stmtPath
        guard bPath.count > depth, Array(bPath.prefix(depth)) == aPlace.owner,
              bPath[depth].block == aPlace.block, bPath[depth].index > aPlace.lo else {
            throw failure(rw, "\(b.name) is not allocated in the scope of \(a.name), after it", at: bPlace)
        }
        let aBlock = StatementTree.block(ir.body, owner: aPlace.owner, block: aPlace.block) ?? []
        let liveness = Liveness(kept: a, keptAliases: Liveness.windows(of: a, in: aBlock), replaced: b,
                                shape: aType.shape, proc: self)
        try liveness.check(Array(aBlock[(aPlace.lo + 1)...]), inLoop: false)

        // Drop B's allocation and call B by A's name in the rest of B's block.
        var body = StatementTree.editing(ir.body, owner: bPlace.owner, block: bPlace.block) { block in
            var block = block
            for k in (bPlace.lo + 1)..<block.count { block[k] = block[k].renaming([b: a]) }
            block.remove(at: bPlace.lo)
            return block
        }
        if StatementTree.block(body, owner: bPlace.owner, block: bPlace.block)?.isEmpty ?? false {
            body = StatementTree.replacing(body, owner: bPlace.owner, block: bPlace.block, range: 0..<0,
                                           with: [Stmt(.pass, at: bStmt.loc)])
        }
        let forward = Forward.replacing(owner: bPlace.owner, block: bPlace.block, range: bPlace.lo..<bPlace.lo + 1,
                                        newCount: 0, inside: { _ in nil })
        return derived(rw, body: body, forward, arguments: [argument(aPlace), argument(bPlace)])
    }
}

/// The liveness conditions of `reuseBuffer`.
private struct Liveness {
    let kept: Sym
    /// A and the windows bound to it: a use of any of them uses A.
    let keptAliases: Set<Sym>
    let replaced: Sym
    let shape: [Expr]
    let proc: Procedure
    let rw = "reuseBuffer"

    func check(_ stmts: [Stmt], inLoop: Bool) throws {
        guard let f = stmts.firstIndex(where: uses) else { return }
        let first = stmts[f]
        if let later = stmts[(f + 1)...].first(where: usesKept) {
            throw proc.failure(rw, "\(kept.name) is still live: it is used after the first use of \(replaced.name)", at: later,
                               details: ["\(replaced.name) is first used in `\(StatementText.headline(first))`"])
        }
        let both = usesKept(first)
        if inLoop {
            // Each iteration must start A and B afresh (the previous iteration's B part clobbers A, and the A part B).
            if let fa = stmts.firstIndex(where: usesKept), fa < f {
                try requireOverwrite(stmts[fa], kept, "\(kept.name) may carry a value into the next iteration, which \(replaced.name) would overwrite")
            }
            let allocatedHere = stmts[..<f].contains { if case .alloc(replaced, _, _) = $0.node { true } else { false } }
            if !both && !allocatedHere {
                try requireOverwrite(first, replaced, "\(replaced.name) may carry a value into the next iteration, which \(kept.name) would overwrite")
            }
        }
        guard both else { return }
        switch first.node {
        case .loop(_, _, _, let body):
            try check(body, inLoop: true)
        case .ifElse(let c, let body, let orelse) where !c.symbols.contains(kept) && !c.symbols.contains(replaced):
            try check(body, inLoop: inLoop)
            try check(orelse, inLoop: inLoop)
        default:
            throw proc.failure(rw, "\(kept.name) is still live: one statement uses both \(kept.name) and \(replaced.name)", at: first)
        }
    }

    /// `s` mentions A or a window of A.
    private func usesKept(_ s: Stmt) -> Bool { keptAliases.contains { s.mentions($0) } }

    /// `x` and every window bound to it (or to such a window) in `stmts`, at any depth.
    static func windows(of x: Sym, in stmts: [Stmt]) -> Set<Sym> {
        var names: Set<Sym> = [x]
        var grew = true
        while grew {
            grew = false
            for s in stmts {
                s.forEach { t in
                    if case .windowDef(let w, let e) = t.node, !names.contains(w), !e.symbols.isDisjoint(with: names) {
                        names.insert(w)
                        grew = true
                    }
                }
            }
        }
        return names
    }

    /// `s` uses B: mentions it, other than as its bare allocation.
    private func uses(_ s: Stmt) -> Bool {
        if case .alloc(replaced, _, _) = s.node { return false }
        return s.mentions(replaced)
    }

    /// `s` writes every element of `x` and reads none of it.
    private func requireOverwrite(_ s: Stmt, _ x: Sym, _ condition: String) throws {
        let accesses = Effects.of([s], in: proc.ir).accesses.filter { $0.buffer == x }
        if let read = accesses.first(where: { $0.kind != .write }) {
            throw proc.failure(rw, condition, at: s,
                               details: ["its first use in the loop body reads it: \(read.kind.rawValue) \(read.location) in `\(StatementText.headline(read.origin))`"])
        }
        guard accesses.contains(where: covers) else {
            throw proc.failure(rw, condition, at: s,
                               details: ["its first use in the loop body does not provably overwrite all of \(x.name)"])
        }
    }

    /// The write touches the whole buffer: in each dimension the index is
    /// `v + c` for its own loop `v` running over exactly `[-c, size - c)`
    /// (or the constant 0 for a dimension of size 1), unconditionally, and
    /// every other loop around it runs at least once.
    private func covers(_ w: Access) -> Bool {
        guard w.kind == .write, w.conditions.isEmpty, let index = w.index, index.count == shape.count else { return false }
        let s = IndexSimplifier()
        var used: Set<Sym> = []
        for (e, size) in zip(index, shape) {
            guard let f = s.affine(e), let n = s.affine(size) else { return false }
            if f.terms.isEmpty {
                guard f.constant == 0, n.constantValue == 1 else { return false }
                continue
            }
            guard f.terms.count == 1, f.terms[0].coefficient == 1, case .read(let v, let idx) = f.terms[0].atom.node, idx.isEmpty,
                  let loop = w.loops.first(where: { $0.0 == v }), used.insert(v).inserted,
                  let lo = s.affine(loop.1), let hi = s.affine(loop.2) else { return false }
            let c = AffineForm.constant(f.constant)
            guard (lo + c).constantValue == 0, (hi + c - n).constantValue == 0 else { return false }
        }
        // Any other loop around the write must run: one that may run zero times skips the overwrite.
        return w.loops.allSatisfy { v, lo, hi in
            guard !used.contains(v) else { return true }
            guard let l = s.affine(lo), let h = s.affine(hi), let trips = (h - l).constantValue else { return false }
            return trips >= 1
        }
    }
}
