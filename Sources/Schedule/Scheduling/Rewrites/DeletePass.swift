extension Procedure {
    /// `delete_pass(p)`: removes every `pass`, and loops and `if`s left
    /// with nothing to do. The body keeps one `pass` if nothing remains.
    public func deletePass() throws -> Procedure {
        var body = ir.body
        var forward: Forwarding = Forward.identity
        while let target = Self.firstRemovable(body, owner: [], root: body) {
            let owner = Array(target.dropLast()), last = target[target.count - 1]
            let count = StatementTree.block(body, owner: owner, block: last.block)!.count
            let replacement: [Stmt] = (owner.isEmpty && count == 1) ? [Stmt(.pass)] : []
            body = StatementTree.replacing(body, owner: owner, block: last.block,
                                           range: last.index..<last.index + 1, with: replacement)
            forward = Forward.then(forward, Forward.replacing(owner: owner, block: last.block,
                                                              range: last.index..<last.index + 1,
                                                              newCount: replacement.count, inside: { _ in nil }))
        }
        return derived("deletePass", body: body, forward)
    }

    /// The statement to remove for the first removable `pass`: the pass
    /// itself, or the outermost loop/if that would be left empty by its removal.
    private static func firstRemovable(_ stmts: [Stmt], owner: [TreeStep], block: Int = 0, root: [Stmt]) -> [TreeStep]? {
        for (k, s) in stmts.enumerated() {
            let path = owner + [TreeStep(block: block, index: k)]
            if case .pass = s.node, let t = removalTarget(root, path) { return t }
            for (j, inner) in s.blocks.enumerated() {
                if let found = firstRemovable(inner, owner: path, block: j, root: root) { return found }
            }
        }
        return nil
    }

    private static func removalTarget(_ body: [Stmt], _ path: [TreeStep]) -> [TreeStep]? {
        var t = path
        while true {
            let owner = Array(t.dropLast()), last = t[t.count - 1]
            let count = StatementTree.block(body, owner: owner, block: last.block)!.count
            if count > 1 { return t }
            if owner.isEmpty {
                // The proc's only statement: keep it unless it is something other than `pass`.
                if case .pass = body[0].node { return nil }
                return t
            }
            let parent = StatementTree.stmt(body, at: owner)!
            switch parent.node {
            case .loop:
                t = owner
            case .ifElse(_, _, let orelse):
                if last.block == 1 { return t }       // an empty else is fine
                if !orelse.isEmpty { return nil }     // `if c: pass else: ...` stays
                t = owner
            default:
                return nil
            }
        }
    }
}
