/// Where each allocation of a block dies: the index of the last statement
/// of the block that mentions it (or a window defined on it). The code
/// generator frees right after that statement, so register-file memories
/// hand the register out again as early as possible.
enum Lifetimes {
    /// For each statement index of `block` holding an `alloc`, the index of its last use
    /// (nil when the allocation is never used).
    static func lastUses(in block: [Stmt]) -> [Int: Int?] {
        var out: [Int: Int?] = [:]
        for (k, s) in block.enumerated() {
            guard case .alloc(let x, _, _) = s.node else { continue }
            var names: Set<Sym> = [x]
            var last: Int? = nil
            for m in (k + 1)..<max(k + 1, block.count) {
                let t = block[m]
                if mentions(t, names) {
                    last = m
                    // A window of the buffer keeps it alive as long as the window is used.
                    if case .windowDef(let w, _) = t.node { names.insert(w) }
                }
            }
            out[k] = last
        }
        return out
    }

    static func mentions(_ s: Stmt, _ names: Set<Sym>) -> Bool {
        var found = false
        s.forEach { t in
            if found { return }
            if let w = t.definedOrWrittenSymbol, names.contains(w), t.isWrite { found = true; return }
            if case .alloc(_, let type, _) = t.node, type.shape.contains(where: { !$0.symbols.isDisjoint(with: names) }) {
                found = true
                return
            }
            if t.exprs.contains(where: { !$0.symbols.isDisjoint(with: names) }) { found = true }
        }
        return found
    }
}

extension Stmt {
    /// An assignment or reduction (its target counts as a use of the buffer).
    var isWrite: Bool {
        switch node {
        case .assign, .reduce: true
        default: false
        }
    }
}
