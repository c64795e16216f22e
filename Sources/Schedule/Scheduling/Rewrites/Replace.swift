extension Procedure {
    /// `replace(p, block, instr)`: replaces a statement or block by a call
    /// of `instr` whose body it matches (see `Unifier`). The call's window
    /// arguments are solved from the block's accesses; every equality the
    /// match relies on, the windows' bounds, the memories of the arguments
    /// and the instruction's preconditions (`assert stride(src, 1) == 1`)
    /// are proved at the call site before the block is replaced — the
    /// original Exo does not check the preconditions (its issue #758).
    public func replace(_ block: Cursor, with instr: Proc) throws -> Procedure {
        let rw = "replace"
        try Self.checkReplaceable(instr, rw, in: ir)
        let place = try resolve(block, rw, as: [.statement, .block])
        let stmts = Array(StatementTree.block(ir.body, owner: place.owner, block: place.block)![place.lo..<place.hi])
        let call = try unifiedCall(stmts, instr, at: place)
        let path = place.stmtPath
        let newBody = StatementTree.replacing(ir.body, owner: place.owner, block: place.block,
                                              range: place.lo..<place.hi, with: [call])
        let whole = place
        let forward = Forward.replacing(owner: place.owner, block: place.block, range: place.lo..<place.hi, newCount: 1,
                                        inside: { p in
                                            guard p.owner == whole.owner, p.block == whole.block, p.lo == whole.lo,
                                                  p.hi == whole.hi, p.kind == .statement || p.kind == .block else { return nil }
                                            return Place.node(path)
                                        })
        return derived(rw, body: newBody, forward, arguments: [argument(place), instr.name])
    }

    /// `instr` must be an instruction (its body is its meaning, its template
    /// its code) with a body to match, and not the proc being scheduled.
    static func checkReplaceable(_ instr: Proc, _ rewrite: String, in proc: Proc) throws {
        guard instr.isInstruction else {
            throw KernelError(.schedule, "\(rewrite): \(instr.name) is a @proc, not an @instr: only an instruction proc (its body its meaning, its C template its code) can replace statements")
        }
        guard instr.name != proc.name else {
            throw KernelError(.schedule, "\(rewrite): \(instr.name) is the proc being scheduled; a proc cannot call itself")
        }
        guard !instr.body.isEmpty else {
            throw KernelError(.schedule, "\(rewrite): \(instr.name) has an empty body, which matches no statement")
        }
    }

    /// The call of `instr` equivalent to `stmts`, or a schedule error saying
    /// what did not match or could not be proved.
    func unifiedCall(_ stmts: [Stmt], _ instr: Proc, at place: Place) throws -> Stmt {
        let rw = "replace"
        let anchor = stmts[0]
        let ctx = ProgramContext(ir, at: place)
        let simp = ctx.simplifier
        let mismatch = "the block does not match the body of \(instr.name)"
        if let later = stmts.compactMap(\.bindsName).first(where: { x in
            StatementTree.block(ir.body, owner: place.owner, block: place.block)![place.hi...].contains { $0.mentions(x) }
        }) {
            throw failure(rw, "\(later.name) is allocated in the block and used after it", at: place)
        }
        var u = Unifier(instr: instr, caller: ir, block: stmts, simplifier: simp)
        do {
            try u.block(instr.body, stmts)
        } catch let m as UnifyMismatch {
            throw failure(rw, mismatch, at: place, details: [m.message])
        }
        // Cheap checks first (replaceAll tries many blocks): memories, then proofs.
        for param in instr.params where param.type.isData {
            if let s = u.scalars[param.name] { try checkMemory(param, s, instr, rw, at: anchor) }
            if let w = u.windows[param.name] { try checkMemory(param, .read(w.buffer, []), instr, rw, at: anchor) }
        }
        try checkNoWrittenAlias(u, instr, rw, at: place)
        for o in u.obligations {
            try require(o.claim, in: ctx, extraFacts: o.facts, rw, "\(mismatch): \(o.what) is not provably equal", at: anchor)
        }

        var args: [Expr] = []
        var windows: [Sym: WindowBinding] = [:]
        for param in instr.params {
            if !param.type.isData {
                guard let v = u.control[param.name] else {
                    throw failure(rw, mismatch, at: place,
                                                details: ["the value of \(param.name.name) cannot be inferred from the block"])
                }
                if param.type == .size {
                    try require(Expr(.binary(.ge, v, .int(0))), in: ctx, rw,
                                "the size \(param.name.name) = \(StatementText.expr(v)) may be negative", at: anchor)
                }
                args.append(simp.simplify(v))
            } else if let s = u.scalars[param.name] {
                args.append(s)
            } else if let w = u.windows[param.name] {
                let extents = param.type.shape.compactMap(u.translate)
                guard extents.count == param.type.shape.count else {
                    throw failure(rw, mismatch, at: place,
                                                details: ["the shape of \(param.name.name) uses a parameter that cannot be inferred"])
                }
                let window = StageWindow(buffer: w.buffer, accesses: w.window(extents: extents, simp))
                let shape = ctx.symbols[w.buffer]?.shape ?? []
                try require(window.inBounds(of: shape), in: ctx, rw,
                            "the window \(window.text) passed as \(param.name.name) is not provably inside \(w.buffer.name)",
                            at: anchor)
                windows[param.name] = w
                args.append(Expr(.window(w.buffer, window.accesses)))
            } else {
                throw failure(rw, mismatch, at: place,
                                            details: ["\(instr.name)'s body never accesses \(param.name.name), so its argument cannot be inferred"])
            }
        }
        for pre in instr.preconditions {
            let claim = callerForm(of: pre, control: u.control, windows: windows, ctx)
            try require(claim, in: ctx, rw,
                        "the precondition `\(StatementText.expr(pre))` of \(instr.name) is not provably true at the call, where it reads `\(StatementText.expr(claim))`",
                        at: anchor)
        }
        return Stmt(.call(instr, args), at: anchor.loc)
    }

    /// A precondition of the callee in the caller's terms: parameters
    /// replaced by the arguments, `stride(p, d)` by the stride of the
    /// caller dimension behind it (a number for a dense buffer).
    private func callerForm(of pre: Expr, control: [Sym: Expr], windows: [Sym: WindowBinding], _ ctx: ProgramContext) -> Expr {
        let substituted = pre.substituting(control).transformed { e in
            guard case .stride(let p, let d) = e.node, let w = windows[p], d < w.dims.count else { return e }
            let dim = w.dims[d]
            if let t = ctx.symbols[w.buffer], case .tensor(_, let shape, false) = t, !Self.isWindowName(w.buffer, in: ir) {
                let later = shape[(dim + 1)...]
                return ctx.simplifier.simplify(later.dropFirst().reduce(later.first ?? .int(1)) { $0 * $1 })
            }
            return Expr(.stride(w.buffer, dim))
        }
        return substituted
    }

    private static func isWindowName(_ x: Sym, in proc: Proc) -> Bool {
        var found = false
        for s in proc.body { s.forEach { if case .windowDef(x, _) = $0.node { found = true } } }
        return found
    }

    /// An instruction's body is its meaning only when a parameter it writes
    /// shares no memory with another parameter (the hardware reads its
    /// operands before writing): a buffer passed twice, once to a written
    /// parameter, is refused.
    private func checkNoWrittenAlias(_ u: Unifier, _ instr: Proc, _ rw: String, at place: Place) throws {
        var written: Set<Sym> = []
        for s in instr.body {
            s.forEach { st in
                switch st.node {
                case .assign(let p, _, _), .reduce(let p, _, _): written.insert(p)
                default: break
                }
            }
        }
        var bufferOf: [Sym: Sym] = [:]
        for (p, w) in u.windows { bufferOf[p] = w.buffer }
        for (p, e) in u.scalars { if case .read(let x, _) = e.node { bufferOf[p] = x } }
        let params = instr.params.map(\.name).filter { bufferOf[$0] != nil }
        for (k, a) in params.enumerated() {
            for b in params[(k + 1)...] where bufferOf[a] == bufferOf[b] && (written.contains(a) || written.contains(b)) {
                throw failure(rw, "\(bufferOf[a]!.name) would be passed as both \(a.name) and \(b.name), and \(instr.name) writes \(written.contains(a) ? a.name : b.name)",
                              at: place)
            }
        }
    }

    /// The caller buffer must live in a memory the parameter accepts: the
    /// same one, or DRAM_STATIC for DRAM (static buffers are DRAM buffers, as in Exo).
    private func checkMemory(_ param: Param, _ arg: Expr, _ instr: Proc, _ rw: String, at anchor: Stmt) throws {
        guard case .read(let x, _) = arg.node, let have = memory(of: x) else { return }
        let want = param.memory ?? .dram
        if have == want || (want == .dram && have == "DRAM_STATIC") { return }
        throw failure(rw, "\(x.name) is in \(have), but \(instr.name) expects \(param.name.name) in \(want)", at: anchor)
    }

    /// The memory of a parameter or allocation of this proc.
    func memory(of x: Sym) -> MemoryName? {
        if let p = ir.params.first(where: { $0.name == x }) { return p.memory ?? .dram }
        var found: MemoryName?
        for s in ir.body {
            s.forEach { st in if case .alloc(x, _, let m) = st.node { found = m } }
        }
        return found
    }
}
