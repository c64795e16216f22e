/// Matches an instruction proc's body against a block of caller code,
/// statement by statement and expression by expression, as Exo's `replace`
/// does: loops match loops (their variables are identified, their bounds
/// must be equal), data accesses of a tensor parameter match accesses of a
/// caller buffer at `offset + index` (the offsets are solved from the first
/// access, with the affine normal form, and every later access must agree),
/// size and index parameters are solved from the caller's expressions.
/// Equalities that are not syntactic are recorded as obligations for the oracle.
struct Unifier {
    let instr: Proc
    let instrTypes: SymbolTypes
    let callerTypes: SymbolTypes
    /// Symbols bound inside the caller's block (loop variables, allocations):
    /// arguments of the call may not depend on them.
    let blockBound: Set<Sym>
    let simp: IndexSimplifier

    /// Instruction loop variables and allocations -> the caller's.
    private(set) var renaming: [Sym: Sym] = [:]
    /// Size, index and bool parameters -> caller expressions.
    private(set) var control: [Sym: Expr] = [:]
    private(set) var windows: [Sym: WindowBinding] = [:]
    /// Data scalar parameters -> caller element reads.
    private(set) var scalars: [Sym: Expr] = [:]
    private(set) var obligations: [UnifyObligation] = []
    private var loops: [(Sym, Expr, Expr)] = []
    private var conditions: [Expr] = []

    init(instr: Proc, caller: Proc, block: [Stmt], simplifier: IndexSimplifier) {
        self.instr = instr
        self.instrTypes = SymbolTypes(instr)
        self.callerTypes = SymbolTypes(caller)
        self.blockBound = Set(block.flatMap(\.boundSymbols))
        self.simp = simplifier
    }

    private var params: Set<Sym> { Set(instr.params.map(\.name)) }

    private func mismatch(_ i: Stmt, _ c: Stmt, _ why: String) -> UnifyMismatch {
        UnifyMismatch(message: "`\(StatementText.headline(c))` does not match `\(StatementText.headline(i))`: \(why)")
    }

    // MARK: statements

    mutating func block(_ i: [Stmt], _ c: [Stmt], in owner: Stmt? = nil) throws {
        guard i.count == c.count else {
            let where_ = owner.map { " in `\(StatementText.headline($0))`" } ?? ""
            throw UnifyMismatch(message: "\(instr.name)'s body has \(i.count) statement\(i.count == 1 ? "" : "s") here, the block has \(c.count)\(where_)")
        }
        for (a, b) in zip(i, c) { try stmt(a, b) }
    }

    private mutating func stmt(_ i: Stmt, _ c: Stmt) throws {
        switch (i.node, c.node) {
        case (.loop(let k, let lo, let hi, let body), .loop(let l, let lo2, let hi2, let body2)):
            try controlExpr(lo, lo2, "the lower bound of loop \(l.name)", i, c)
            try controlExpr(hi, hi2, "the upper bound of loop \(l.name)", i, c)
            renaming[k] = l
            loops.append((l, lo2, hi2))
            try block(body, body2, in: c)
            loops.removeLast()
        case (.assign(let p, let pidx, let rhs), .assign(let x, let xidx, let rhs2)),
             (.reduce(let p, let pidx, let rhs), .reduce(let x, let xidx, let rhs2)):
            try access(p, pidx, x, xidx, i, c)
            try dataExpr(rhs, rhs2, i, c)
        case (.ifElse(let c1, let b1, let o1), .ifElse(let c2, let b2, let o2)):
            guard let t = translate(c1) else { throw mismatch(i, c, "the condition uses a parameter that cannot be inferred") }
            require(Expr(.binary(.and, disjunction([Expr(.unary(.not, t)), c2]), disjunction([Expr(.unary(.not, c2)), t]))),
                    "the condition of `\(StatementText.headline(c))`")
            conditions.append(c2)
            try block(b1, b2, in: c)
            conditions[conditions.count - 1] = Expr(.unary(.not, c2))
            try block(o1, o2, in: c)
            conditions.removeLast()
        case (.alloc(let a, let t1, _), .alloc(let b, let t2, _)):
            guard t1.elementType == t2.elementType, t1.shape.count == t2.shape.count else {
                throw mismatch(i, c, "the allocations have different types")
            }
            for (s1, s2) in zip(t1.shape, t2.shape) { try controlExpr(s1, s2, "the size of \(b.name)", i, c) }
            renaming[a] = b
        case (.pass, .pass):
            break
        case (.call, .call), (.windowDef, .windowDef):
            throw mismatch(i, c, "calls and window statements inside an instruction's body are not matched")
        default:
            throw mismatch(i, c, "expected \(Self.kind(i)), found \(Self.kind(c))")
        }
    }

    private static func kind(_ s: Stmt) -> String {
        switch s.node {
        case .assign: "an assignment"
        case .reduce: "a reduction"
        case .pass: "pass"
        case .ifElse: "an if"
        case .loop: "a loop"
        case .alloc: "an allocation"
        case .call: "a call"
        case .windowDef: "a window statement"
        }
    }

    // MARK: expressions

    /// The instruction expression in caller terms (nil if it uses a parameter not yet solved).
    func translate(_ e: Expr) -> Expr? {
        let t = e.renaming(renaming).substituting(control)
        if !t.symbols.isDisjoint(with: params.subtracting(control.keys)) { return nil }
        return t
    }

    private mutating func require(_ claim: Expr, _ what: String) {
        let s = simp.simplify(claim)
        if case .bool(true) = s.node { return }
        obligations.append(UnifyObligation(claim: claim, facts: currentFacts, what: what))
    }

    private var currentFacts: [Expr] {
        loops.flatMap { ProgramContext.rangeFacts($0.0, $0.1, $0.2) } + conditions
    }

    /// Two control expressions must be equal; an unsolved parameter of the
    /// instruction's expression is solved from the caller's.
    private mutating func controlExpr(_ ie: Expr, _ ce: Expr, _ what: String, _ i: Stmt, _ c: Stmt) throws {
        if translate(ie) == nil { try solve(ie, ce, what, i, c) }
        guard let t = translate(ie) else { throw mismatch(i, c, "cannot solve \(what) for the parameters of \(instr.name)") }
        if let a = simp.affine(t), let b = simp.affine(ce), (a - b).constantValue == 0 { return }
        require(Expr(.binary(.eq, t, ce)), "\(what): `\(StatementText.expr(t))` == `\(StatementText.expr(ce))`")
    }

    /// Solves `ie == ce` for the one unsolved parameter of ie when it
    /// appears linearly with coefficient 1 or -1.
    private mutating func solve(_ ie: Expr, _ ce: Expr, _ what: String, _ i: Stmt, _ c: Stmt) throws {
        let renamed = ie.renaming(renaming).substituting(control)
        let unknown = renamed.symbols.intersection(params.subtracting(control.keys))
        guard unknown.count == 1, let p = unknown.first, ce.symbols.isDisjoint(with: blockBound),
              let form = simp.affine(renamed),
              let term = form.terms.first(where: { $0.atom == .variable(p) }), abs(term.coefficient) == 1 else {
            throw mismatch(i, c, "cannot solve \(what) (`\(StatementText.expr(ie))` against `\(StatementText.expr(ce))`)")
        }
        var rest = form
        rest.add(term.atom, -term.coefficient)
        guard rest.expr.symbols.isDisjoint(with: [p]) else { throw mismatch(i, c, "cannot solve \(what)") }
        control[p] = simp.simplify(term.coefficient == 1 ? ce - rest.expr : rest.expr - ce)
    }

    private mutating func dataExpr(_ ie: Expr, _ ce: Expr, _ i: Stmt, _ c: Stmt) throws {
        switch (ie.node, ce.node) {
        case (.read(let p, let pidx), .read(let x, let xidx)) where instrTypes.isData(p):
            try access(p, pidx, x, xidx, i, c)
        case (.read(let v, let idx), _) where idx.isEmpty && !instrTypes.isData(v):
            guard !ce.symbols.contains(where: callerTypes.isData) else {
                throw mismatch(i, c, "`\(StatementText.expr(ce))` reads data where \(instr.name) uses the index `\(v.name)`")
            }
            try controlExpr(ie, ce, "a value", i, c)
        case (.int(let a), .int(let b)):
            guard a == b else { throw mismatch(i, c, "the constants \(a) and \(b) differ") }
        case (.int, .float), (.float, .int), (.float, .float):
            guard Self.number(ie) == Self.number(ce) else { throw mismatch(i, c, "the constants differ") }
        case (.unary(let o1, let a1), .unary(let o2, let a2)) where o1 == o2:
            try dataExpr(a1, a2, i, c)
        case (.binary(let o1, let a1, let b1), .binary(let o2, let a2, let b2)) where o1 == o2:
            try dataExpr(a1, a2, i, c)
            try dataExpr(b1, b2, i, c)
        default:
            throw mismatch(i, c, "`\(StatementText.expr(ce))` does not match `\(StatementText.expr(ie))`")
        }
    }

    private static func number(_ e: Expr) -> Double? {
        switch e.node {
        case .int(let v): Double(v)
        case .float(let v): v
        default: nil
        }
    }

    // MARK: data accesses

    /// `p[pidx]` of the instruction against `x[xidx]` of the caller.
    private mutating func access(_ p: Sym, _ pidx: [Expr], _ x: Sym, _ xidx: [Expr], _ i: Stmt, _ c: Stmt) throws {
        let shown = "`\(StatementText.expr(.read(x, xidx)))` against `\(StatementText.expr(.read(p, pidx)))`"
        // A buffer allocated inside the instruction matches one allocated inside the block.
        if let local = renaming[p] {
            guard local == x, pidx.count == xidx.count else { throw mismatch(i, c, "\(shown): different buffers") }
            for (a, b) in zip(pidx, xidx) { try controlExpr(a, b, "an index of \(x.name)", i, c) }
            return
        }
        guard params.contains(p) else { throw mismatch(i, c, "\(shown): \(p.name) is not a parameter") }
        guard instrTypes[p]?.elementType == callerTypes[x]?.elementType else {
            throw mismatch(i, c, "\(shown): element types differ")
        }
        if pidx.isEmpty && instrTypes[p]?.shape.isEmpty == true {
            let arg = Expr.read(x, xidx)
            guard arg.symbols.isDisjoint(with: blockBound) else {
                throw mismatch(i, c, "\(shown): the scalar argument would depend on a loop of the block")
            }
            if let bound = scalars[p] {
                guard bound == arg else { throw mismatch(i, c, "\(shown): \(p.name) is already `\(StatementText.expr(bound))`") }
            } else {
                scalars[p] = arg
            }
            return
        }
        let tp = try pidx.map { e -> Expr in
            guard let t = translate(e) else { throw mismatch(i, c, "\(shown): an index uses a parameter that cannot be inferred") }
            return t
        }
        if let w = windows[p] {
            guard w.buffer == x, w.rank == xidx.count else {
                throw mismatch(i, c, "\(shown): \(p.name) is already a window of \(w.buffer.name)")
            }
            for (j, d) in w.dims.enumerated() {
                try indexEquals(xidx[d], w.offsets[j] + tp[j], "index \(d) of `\(StatementText.expr(.read(x, xidx)))`", i, c)
            }
            for (d, pt) in w.points { try indexEquals(xidx[d], pt, "index \(d) of `\(StatementText.expr(.read(x, xidx)))`", i, c) }
            return
        }
        guard let w = solveWindow(tp, x, xidx) else {
            throw mismatch(i, c, "\(shown): no window of \(x.name) has \(p.name)'s index at these positions")
        }
        windows[p] = w
    }

    private mutating func indexEquals(_ a: Expr, _ b: Expr, _ what: String, _ i: Stmt, _ c: Stmt) throws {
        if let fa = simp.affine(a), let fb = simp.affine(b), (fa - fb).constantValue == 0 { return }
        require(Expr(.binary(.eq, a, b)), what)
    }

    /// Chooses which caller dimensions carry the parameter's dimensions (in
    /// order; every dimension indexed by a loop of the block must be one)
    /// and solves `xidx[d_j] = offset_j + tp[j]` with offsets free of the
    /// block's loops.
    private func solveWindow(_ tp: [Expr], _ x: Sym, _ xidx: [Expr]) -> WindowBinding? {
        let k = tp.count, m = xidx.count
        guard k <= m else { return nil }
        let moving = Set(xidx.indices.filter { !xidx[$0].symbols.isDisjoint(with: blockBound) })
        for dims in Self.increasingChoices(k, of: m) where moving.isSubset(of: dims) {
            let offsets = zip(dims, tp).map { d, t in simp.simplify(xidx[d] - t) }
            guard offsets.allSatisfy({ $0.symbols.isDisjoint(with: blockBound) }) else { continue }
            var points: [Int: Expr] = [:]
            for d in 0..<m where !dims.contains(d) { points[d] = xidx[d] }
            return WindowBinding(buffer: x, rank: m, dims: dims, offsets: offsets, points: points)
        }
        return nil
    }

    /// All increasing sequences of k numbers below m, lexicographically.
    static func increasingChoices(_ k: Int, of m: Int) -> [[Int]] {
        if k == 0 { return [[]] }
        guard k <= m else { return [] }
        var out: [[Int]] = []
        func extend(_ prefix: [Int], _ next: Int) {
            if prefix.count == k { out.append(prefix); return }
            guard next < m else { return }
            for d in next..<m where m - d >= k - prefix.count { extend(prefix + [d], d + 1) }
        }
        extend([], 0)
        return out
    }
}
