extension Procedure {
    /// `replace_all(p, instrs)`: visits every statement in program order
    /// (pre-order) and replaces it by the first instruction whose body it
    /// matches (`replace`, with all of its checks). A statement matching no
    /// instruction is left as it is; statements inside a replaced one are
    /// gone. An instruction whose body has several statements is tried on
    /// the block of that many statements starting at each statement.
    public func replaceAll(_ instructions: [Proc]) throws -> Procedure {
        // Every site is tried and mismatches are skipped, so a proc that could
        // never be used must be refused here rather than silently ignored.
        for instr in instructions { try Self.checkReplaceable(instr, "replaceAll", in: ir) }
        var p = self
        for c in statementCursors() {
            guard let here = try? p.forward(c) else { continue }
            for instr in instructions {
                let n = instr.body.count
                guard let target = n == 1 ? here : try? here.expand(0, n - 1) else { continue }
                if let q = try? p.replace(target, with: instr) {
                    p = q
                    break
                }
            }
        }
        return p
    }

    public func replaceAll(_ instruction: Proc) throws -> Procedure {
        try replaceAll([instruction])
    }

    /// A cursor on every statement, in pre-order.
    func statementCursors() -> [Cursor] {
        var out: [Cursor] = []
        func visit(_ stmts: [Stmt], _ owner: [TreeStep], _ block: Int) {
            for (k, s) in stmts.enumerated() {
                let path = owner + [TreeStep(block: block, index: k)]
                out.append(Cursor(.node(path), in: ir, procID: id))
                for (b, inner) in s.blocks.enumerated() { visit(inner, path, b) }
            }
        }
        visit(ir.body, [], 0)
        return out
    }
}
