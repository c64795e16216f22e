extension Procedure {
    /// `stage_mem(p, block, win_expr, new_name, accum)`: stages a window of
    /// a buffer into a new buffer `name` around `block`:
    ///
    ///     name: T[extents]
    ///     for i0 ...: name[i0, ...] = x[lo0 + i0, ...]   (accumulate: name[...] = 0)
    ///     block, with accesses inside the window redirected to name
    ///     for i0 ...: x[lo0 + i0, ...] = name[i0, ...]   (accumulate: +=)
    ///
    /// The load is left out when the block's first statement overwrites the
    /// whole window without reading it; the store when the block never
    /// writes the window. Refused when the window is not provably inside
    /// the buffer, when an access may touch the buffer both inside and
    /// outside the window, when the buffer is reached through another name
    /// (a window or a call), or, with `accumulate`, when the block does
    /// anything but reduce into the window.
    public func stageMem(_ block: Cursor, window: String, name: String, accumulate: Bool = false) throws -> Procedure {
        let rw = "stageMem"
        let place = try resolve(block, rw, as: [.block, .statement])
        let e = try ProgramContext(ir, at: place).parse(window, for: rw)
        return try stageMem(at: place, window: e, name: name, accumulate: accumulate)
    }

    /// The same, with the window as an IR expression (used by `autoStageMem`).
    public func stageMem(_ block: Cursor, window: Expr, name: String, accumulate: Bool = false) throws -> Procedure {
        let place = try resolve(block, "stageMem", as: [.block, .statement])
        return try stageMem(at: place, window: window, name: name, accumulate: accumulate)
    }

    func stageMem(at place: Place, window e: Expr, name: String, accumulate: Bool) throws -> Procedure {
        let rw = "stageMem"
        try Self.checkName(name, rw, "the staging buffer")
        let stmts = Array(StatementTree.block(ir.body, owner: place.owner, block: place.block)![place.lo..<place.hi])
        let anchor = stmts[0]
        let ctx = ProgramContext(ir, at: place)
        let window = try StageWindow(e, shape: { ctx.symbols[$0]?.isData == true ? ctx.symbols[$0]!.shape : nil }, rw)
        let inner = Set(stmts.flatMap(\.boundSymbols))
        if let v = e.symbols.first(where: { inner.contains($0) }) {
            throw failure(rw, "the window \(window.text) uses \(v.name), which is bound inside the block", at: place)
        }
        let x = window.buffer
        let type = ctx.symbols[x]!
        let shape = type.shape
        guard window.accesses.count == shape.count else {
            throw failure(rw, "the window \(window.text) has \(window.accesses.count) dimensions, \(x.name) has \(shape.count)",
                          at: place)
        }
        try require(window.inBounds(of: shape), in: ctx, rw,
                    "the window \(window.text) is not provably inside \(x.name) (shape [\(shape.map(StatementText.expr).joined(separator: ", "))])",
                    at: anchor)
        try checkNoAliases(of: x, in: stmts, rw, at: anchor)
        // An empty interval would allocate a buffer with a zero dimension.
        for case .interval(let lo, let hi) in window.accesses {
            try require(Expr(.binary(.lt, lo, hi)), in: ctx, rw,
                        "the window \(window.text) is empty in the dimension \(StatementText.expr(lo)):\(StatementText.expr(hi))",
                        at: anchor)
        }

        let simp = ctx.simplifier
        let extents = window.extents(simp)
        let buffer = Sym(name)
        var rewriter = StageAccessRewriter(window: window, buffer: buffer, oracle: oracle, proc: ir,
                                           facts: ctx.facts, types: ctx.controlTypes, rewrite: rw)
        let staged = try stmts.map { try rewriter.rewrite($0, simp) }
        if accumulate, let bad = rewriter.nonReductions.first {
            throw failure(rw, "with accumulate, the block may only reduce into the window \(window.text)", at: place,
                                        details: ["it \(bad.0 == .read ? "reads" : "assigns") \(bad.1) in `\(StatementText.headline(bad.2))`"])
        }

        let element = type.elementType!
        let bufferType: DataType = extents.isEmpty ? .scalar(element) : .tensor(element, shape: extents, isWindow: false)
        let loc = anchor.loc
        var before = [Stmt(.alloc(buffer, bufferType, .dram), at: loc)]
        if accumulate {
            before.append(Self.copyNest(extents, loc) { local in Stmt(.assign(buffer, local, .int(0)), at: loc) })
        } else if !covers(anchor, window, extents, ctx) {
            before.append(Self.copyNest(extents, loc) { local in
                Stmt(.assign(buffer, local, .read(x, window.globalIndex(local, simp))), at: loc)
            })
        }
        var after: [Stmt] = []
        if accumulate || rewriter.writes {
            after.append(Self.copyNest(extents, loc) { local in
                let target = window.globalIndex(local, simp)
                return accumulate ? Stmt(.reduce(x, target, .read(buffer, local)), at: loc)
                                  : Stmt(.assign(x, target, .read(buffer, local)), at: loc)
            })
        }
        let replacement = before + staged + after
        let newBody = StatementTree.replacing(ir.body, owner: place.owner, block: place.block,
                                              range: place.lo..<place.hi, with: replacement)
        let range = place.lo..<place.hi
        let forward = Forward.replacing(owner: place.owner, block: place.block, range: range,
                                        newCount: replacement.count,
                                        inside: Forward.movingBlock(from: place.owner, place.block, to: place.owner, place.block,
                                                                    offset: before.count, range: range))
        return derived(rw, body: newBody, forward,
                       arguments: [argument(place), "'\(window.text)'", "'\(name)'"] + (accumulate ? ["accum=True"] : []))
    }

    /// `for i0 in seq(0, e0): for i1 ...: make([i0, i1, ...])` (just `make([])` for a scalar).
    static func copyNest(_ extents: [Expr], _ loc: SourceLocation, _ make: ([Expr]) -> Stmt) -> Stmt {
        let iters = extents.indices.map { Sym("i\($0)") }
        var s = make(iters.map(Expr.variable))
        for (i, n) in zip(iters, extents).reversed() { s = Stmt(.loop(i, .int(0), n, [s]), at: loc) }
        return s
    }

    /// An identifier the parser reads back as a name: ASCII letters, digits
    /// and `_`, not starting with a digit, not a keyword (`for`, `if`, ...).
    static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, PatternChars.letterOrUnderscore(first) else { return false }
        return name.unicodeScalars.allSatisfy { PatternChars.letterOrUnderscore($0) || PatternChars.digit($0) }
            && !reservedWords.contains(name)
    }

    /// Throws unless `name` is a valid identifier for `role` ("the new buffer").
    static func checkName(_ name: String, _ rewrite: String, _ role: String) throws {
        guard isIdentifier(name) else {
            throw KernelError(.schedule, "\(rewrite): `\(name)` is not a valid name for \(role) (an identifier: a letter or `_`, then letters, digits or `_`; not a keyword)")
        }
    }

    /// The block may reach `x` only by element accesses under its own name:
    /// a window of x (in a window statement or a call argument) or another
    /// name for the same memory would escape the redirection.
    private func checkNoAliases(of x: Sym, in stmts: [Stmt], _ rw: String, at anchor: Stmt) throws {
        var aliases: Set<Sym> = []
        for s in ir.body {
            s.forEach { st in
                if case .windowDef(let w, let e) = st.node, e.symbols.contains(x) { aliases.insert(w) }
            }
        }
        var isAlias = false
        for s in ir.body {
            s.forEach { st in if case .windowDef(x, _) = st.node { isAlias = true } }
        }
        if isAlias {
            throw failure(rw, "\(x.name) is a window of another buffer; stage the underlying buffer instead", at: anchor)
        }
        for s in stmts {
            var problem: String?
            s.forEach { st in
                guard problem == nil else { return }
                if let w = aliases.first(where: { w in st.definedOrWrittenSymbol == w || st.exprs.contains { $0.symbols.contains(w) } }) {
                    problem = "it uses \(w.name), a window of \(x.name), in `\(StatementText.headline(st))`"
                    return
                }
                for e in st.exprs where Self.usesAsWindow(x, e) {
                    problem = "it uses \(x.name) as a window or stride in `\(StatementText.headline(st))`"
                    return
                }
                if case .call(let f, let args) = st.node, args.contains(where: { $0.symbols.contains(x) }) {
                    problem = "it passes \(x.name) to \(f.name) in `\(StatementText.headline(st))`"
                }
            }
            if let problem {
                throw failure(rw, "the block reaches \(x.name) other than by element accesses", at: anchor,
                                            details: [problem])
            }
        }
    }

    private static func usesAsWindow(_ x: Sym, _ e: Expr) -> Bool {
        switch e.node {
        case .window(x, _), .stride(x, _): return true
        default: return e.children.contains { usesAsWindow(x, $0) }
        }
    }

    /// True when `s` writes every element of the window before anything
    /// reads it: a perfect nest `for v in seq(0, extent)` (one loop per
    /// interval dimension) around `x[...] = rhs`, rhs not reading x.
    private func covers(_ s: Stmt, _ window: StageWindow, _ extents: [Expr], _ ctx: ProgramContext) -> Bool {
        var loops: [(Sym, Expr, Expr)] = []
        var cur = s
        while case .loop(let v, let lo, let hi, let body) = cur.node, body.count == 1 {
            loops.append((v, lo, hi))
            cur = body[0]
        }
        guard case .assign(window.buffer, let idx, let rhs) = cur.node, !rhs.symbols.contains(window.buffer),
              loops.count == extents.count, idx.count == window.accesses.count else { return false }
        let facts = ctx.facts + loops.flatMap { ProgramContext.rangeFacts($0.0, $0.1, $0.2) }
        var types = ctx.controlTypes
        for l in loops { types[l.0] = .index }
        func holds(_ claim: Expr) -> Bool {
            oracle.prove(ProofQuery(claim: claim, facts: facts, variableTypes: types, purpose: "the first statement covers the window")).isProved
        }
        let simp = ctx.simplifier
        var used: Set<Sym> = []
        var k = 0
        for (a, e) in zip(window.accesses, idx) {
            switch a {
            case .point(let p):
                if !holds(Expr(.binary(.eq, e, p))) { return false }
            case .interval(let lo, _):
                guard case .read(let v, let vi) = simp.simplify(e - lo).node, vi.isEmpty,
                      let loop = loops.first(where: { $0.0 == v }), used.insert(v).inserted,
                      holds(Expr(.binary(.eq, loop.1, .int(0)))), holds(Expr(.binary(.eq, loop.2, extents[k]))) else { return false }
                k += 1
            }
        }
        return true
    }
}

/// Redirects the accesses of one buffer inside a window to the staging
/// buffer, proving for each access that it lies wholly inside the window
/// or wholly outside it (the latter are left alone).
struct StageAccessRewriter {
    let window: StageWindow
    let buffer: Sym
    let oracle: any SoundnessOracle
    /// The proc being rewritten (for the excerpt in messages).
    let proc: Proc
    let facts: [Expr]
    let types: [Sym: DataType]
    let rewrite: String
    private var loops: [(Sym, Expr, Expr)] = []
    private var conditions: [Expr] = []
    /// Whether some redirected access writes (assigns or reduces).
    private(set) var writes = false
    /// Redirected accesses that are not reductions: kind, location text, statement.
    private(set) var nonReductions: [(Access.Kind, String, Stmt)] = []

    init(window: StageWindow, buffer: Sym, oracle: any SoundnessOracle, proc: Proc, facts: [Expr], types: [Sym: DataType],
         rewrite: String) {
        self.window = window
        self.buffer = buffer
        self.oracle = oracle
        self.proc = proc
        self.facts = facts
        self.types = types
        self.rewrite = rewrite
    }

    mutating func rewrite(_ s: Stmt, _ simp: IndexSimplifier) throws -> Stmt {
        var out = s
        let x = window.buffer
        switch s.node {
        case .assign(let t, let idx, let rhs), .reduce(let t, let idx, let rhs):
            let newRhs = try expr(rhs, s, simp)
            var target = t, newIdx = idx
            if t == x, try inside(idx, s) {
                target = buffer
                newIdx = window.localIndex(idx, simp)
                writes = true
                if case .assign = s.node { nonReductions.append((.write, location(idx), s)) }
            }
            if case .assign = s.node { out.node = .assign(target, newIdx, newRhs) } else { out.node = .reduce(target, newIdx, newRhs) }
        case .ifElse(let c, let body, let orelse):
            conditions.append(c)
            let b = try body.map { try rewrite($0, simp) }
            conditions[conditions.count - 1] = Expr(.unary(.not, c))
            let o = try orelse.map { try rewrite($0, simp) }
            conditions.removeLast()
            out.node = .ifElse(c, b, o)
        case .loop(let i, let lo, let hi, let body):
            var inner = simp
            inner.ranges[i] = Interval(lo: simp.range(of: lo).lo, hi: simp.range(of: hi).hi.map { $0 - 1 })
            loops.append((i, lo, hi))
            let b = try body.map { try rewrite($0, inner) }
            loops.removeLast()
            out.node = .loop(i, lo, hi, b)
        case .pass, .alloc, .call, .windowDef:
            break
        }
        return out
    }

    private mutating func expr(_ e: Expr, _ s: Stmt, _ simp: IndexSimplifier) throws -> Expr {
        var failure: Error?
        let result = e.transformed { e in
            guard failure == nil, case .read(let t, let idx) = e.node, t == window.buffer else { return e }
            do {
                if try inside(idx, s) {
                    nonReductions.append((.read, location(idx), s))
                    return Expr(.read(buffer, window.localIndex(idx, simp)), at: e.loc)
                }
            } catch { failure = error }
            return e
        }
        if let failure { throw failure }
        return result
    }

    private func location(_ idx: [Expr]) -> String {
        idx.isEmpty ? window.buffer.name : "\(window.buffer.name)[\(idx.map(StatementText.expr).joined(separator: ", "))]"
    }

    /// True when the access lies wholly inside the window, false when wholly
    /// outside; throws when neither is proved.
    private func inside(_ idx: [Expr], _ s: Stmt) throws -> Bool {
        let local = loops.flatMap { ProgramContext.rangeFacts($0.0, $0.1, $0.2) } + conditions
        var t = types
        for l in loops { t[l.0] = .index }
        let inQuery = ProofQuery(claim: window.contains(idx), facts: facts + local, variableTypes: t,
                                 purpose: "the access lies inside the window")
        let inResult = oracle.prove(inQuery)
        if inResult.isProved { return true }
        let outside = disjunction(zip(window.accesses, idx).map { a, e in
            switch a {
            case .point(let p): return Expr(.binary(.ne, e, p))
            case .interval(let lo, let hi): return Expr(.binary(.or, Expr(.binary(.lt, e, lo)), Expr(.binary(.ge, e, hi))))
            }
        })
        if !idx.isEmpty, oracle.prove(ProofQuery(claim: outside, facts: facts + local, variableTypes: t,
                                                  purpose: "the access lies outside the window")).isProved {
            return false
        }
        var details = ["the access \(location(idx)) in `\(StatementText.headline(s))`"]
        switch inResult {
        case .refuted(let cex) where !cex.isEmpty: details.append("is outside the window when \(SyntacticOracle.describe(cex)), but not provably outside it for all iterations")
        case .unknown(let reason): details.append(reason)
        default: break
        }
        throw ScheduleFailure.error(rewrite, "an access may touch \(window.buffer.name) both inside and outside the window \(window.text)",
                                    at: s, in: proc, details: details)
    }
}
