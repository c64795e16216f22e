extension Procedure {
    /// `simplify(p)`: puts every index expression in affine normal form
    /// (constant folding, collected terms, exact floor division / modulo
    /// under the loop ranges) and removes `if`s whose condition is constant.
    public func simplify() throws -> Procedure {
        let root = ProgramContext(ir, owner: [], block: 0, index: 0).simplifier
        var body = Self.simplifying(ir.body, root)
        // Constant conditions, one `if` at a time so cursors follow each edit.
        var forward: Forwarding = Forward.identity
        while let (path, keep) = Self.firstConstantIf(body, owner: []) {
            let s = StatementTree.stmt(body, at: path)!
            let owner = Array(path.dropLast()), last = path[path.count - 1]
            let kept = s.blocks[keep]
            let replacement = kept.isEmpty ? [] : kept
            let siblings = StatementTree.block(body, owner: owner, block: last.block)!.count
            let newStmts = (siblings == 1 && replacement.isEmpty) ? [Stmt(.pass)] : replacement
            body = StatementTree.replacing(body, owner: owner, block: last.block,
                                           range: last.index..<last.index + 1, with: newStmts)
            let inside: @Sendable (Place) -> Place?
            if replacement.isEmpty {
                inside = { _ in nil }
            } else {
                inside = Forward.movingBlock(from: path, keep, to: owner, last.block, offset: last.index)
            }
            let step = Forward.replacing(owner: owner, block: last.block, range: last.index..<last.index + 1,
                                         newCount: newStmts.count, inside: inside)
            forward = Forward.then(forward, step)
        }
        return derived("simplify", body: body, forward)
    }

    static func simplifying(_ stmts: [Stmt], _ s: IndexSimplifier) -> [Stmt] {
        stmts.map { st in
            var st = st.mappingOwnExprs(s.simplify)
            switch st.node {
            case .loop(let i, let lo, let hi, let body):
                var inner = s
                inner.ranges[i] = Interval(lo: s.range(of: lo).lo, hi: s.range(of: hi).hi.map { $0 - 1 })
                st.node = .loop(i, lo, hi, simplifying(body, inner))
            case .ifElse(let c, let b, let o):
                st.node = .ifElse(c, simplifying(b, s), simplifying(o, s))
            default: break
            }
            return st
        }
    }

    /// The first `if` with a literal condition, and the block it reduces to.
    private static func firstConstantIf(_ stmts: [Stmt], owner: [TreeStep], block: Int = 0) -> ([TreeStep], Int)? {
        for (k, s) in stmts.enumerated() {
            let path = owner + [TreeStep(block: block, index: k)]
            if case .ifElse(let c, _, _) = s.node, case .bool(let b) = c.node { return (path, b ? 0 : 1) }
            for (j, inner) in s.blocks.enumerated() {
                if let found = firstConstantIf(inner, owner: path, block: j) { return found }
            }
        }
        return nil
    }
}
