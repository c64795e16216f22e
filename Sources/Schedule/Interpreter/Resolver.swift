/// Turns a `Proc` into a `ResolvedProc`: assigns frame slots to symbols,
/// separates control from data expressions and checks the shape of what it
/// sees (known names, index counts, argument kinds). Callees are resolved
/// once per resolver and shared by every call site.
struct Resolver {
    private enum Binding {
        case control(slot: Int)
        case tensor(slot: Int, type: ScalarType, rank: Int)
    }

    private var resolved: [Proc: ResolvedProc] = [:]
    private var scope: [Sym: Binding] = [:]
    private var current: ResolvedProc

    private init(_ proc: Proc) { current = ResolvedProc(proc: proc) }

    static func resolve(_ proc: Proc) throws(KernelError) -> ResolvedProc {
        var r = Resolver(proc)
        return try r.resolveCurrent()
    }

    private mutating func resolveCurrent() throws(KernelError) -> ResolvedProc {
        let proc = current.proc
        for p in proc.params {
            switch p.type {
            case .index, .size, .bool:
                let slot = newControl(p.name)
                current.params.append(.control(slot: slot, isSize: p.type == .size, isBool: p.type == .bool))
            case .scalar(let t):
                current.params.append(.tensor(slot: newTensor(p.name, t, rank: 0), type: t, shape: []))
            case .tensor(let t, let shape, _):
                let slot = newTensor(p.name, t, rank: shape.count)
                current.params.append(.tensor(slot: slot, type: t, shape: []))
                _ = slot
            }
        }
        // Shapes may name any size parameter, so resolve them once all are bound.
        for (k, p) in proc.params.enumerated() {
            if case .tensor(_, let shape, _) = p.type, case .tensor(let slot, let t, _) = current.params[k] {
                current.params[k] = .tensor(slot: slot, type: t, shape: try shape.map { e throws(KernelError) in try control(e) })
            }
        }
        current.preconditions = try proc.preconditions.map { e throws(KernelError) in (try control(e), e) }
        current.body = try block(proc.body)
        return current
    }

    // MARK: slots

    private mutating func newControl(_ s: Sym) -> Int {
        defer { current.controlSlots += 1 }
        scope[s] = .control(slot: current.controlSlots)
        return current.controlSlots
    }

    private mutating func newTensor(_ s: Sym, _ t: ScalarType, rank: Int) -> Int {
        defer { current.tensorSlots += 1 }
        scope[s] = .tensor(slot: current.tensorSlots, type: t, rank: rank)
        return current.tensorSlots
    }

    private func lookup(_ s: Sym, _ loc: SourceLocation) throws(KernelError) -> Binding {
        guard let b = scope[s] else {
            throw KernelError(.interpreter, "'\(s.name)' is not defined here (in \(current.proc.name))", at: loc)
        }
        return b
    }

    // MARK: statements

    private mutating func block(_ stmts: [Stmt]) throws(KernelError) -> [RStmt] {
        let saved = scope
        defer { scope = saved }
        var out: [RStmt] = []
        out.reserveCapacity(stmts.count)
        for s in stmts { out.append(try statement(s)) }
        return out
    }

    private mutating func statement(_ s: Stmt) throws(KernelError) -> RStmt {
        switch s.node {
        case .assign(let x, let idx, let rhs), .reduce(let x, let idx, let rhs):
            guard case .tensor(let slot, _, let rank) = try lookup(x, s.loc) else {
                throw KernelError(.interpreter, "cannot assign to control variable '\(x.name)'", at: s.loc)
            }
            guard idx.count == rank else {
                throw KernelError(.interpreter, "'\(x.name)' has \(rank) dimensions but is written with \(idx.count) indices", at: s.loc)
            }
            var isReduce = false
            if case .reduce = s.node { isReduce = true }
            return .store(slot, try idx.map { e throws(KernelError) in try control(e) }, try data(rhs), reduce: isReduce, s.loc)
        case .pass:
            return .pass
        case .ifElse(let c, let body, let orelse):
            return .ifElse(try control(c), try block(body), try block(orelse))
        case .loop(let i, let lo, let hi, let body):
            let l = try control(lo), h = try control(hi)
            let saved = scope
            defer { scope = saved }
            let slot = newControl(i)
            return .loop(slot, l, h, try block(body))
        case .alloc(let x, let type, _):
            guard let el = type.elementType else {
                throw KernelError(.interpreter, "allocation '\(x.name)' must have a data type", at: s.loc)
            }
            let shape = try type.shape.map { e throws(KernelError) in try control(e) }
            return .alloc(newTensor(x, el, rank: shape.count), el, shape, s.loc)
        case .call(let callee, let args):
            return try call(callee, args, s.loc)
        case .windowDef(let w, let e):
            let (win, type, rank) = try window(e, s.loc)
            return .window(newTensor(w, type, rank: rank), win)
        }
    }

    private mutating func call(_ callee: Proc, _ args: [Expr], _ loc: SourceLocation) throws(KernelError) -> RStmt {
        guard args.count == callee.params.count else {
            throw KernelError(.interpreter, "\(callee.name) takes \(callee.params.count) arguments, got \(args.count)", at: loc)
        }
        var rargs: [RArg] = []
        for (p, a) in zip(callee.params, args) {
            switch p.type {
            case .index, .size, .bool:
                rargs.append(.control(try control(a)))
            case .scalar(let t), .tensor(let t, _, _):
                let (win, type, rank) = try window(a, a.loc.isKnown ? a.loc : loc)
                guard type == t, rank == p.type.shape.count else {
                    throw KernelError(.interpreter, "argument '\(MessageText.expr(a))' (\(type.rawValue), \(rank) dims) does not match parameter '\(p.name.name)' of \(callee.name) (\(t.rawValue), \(p.type.shape.count) dims)", at: loc)
                }
                rargs.append(.tensor(win))
            }
        }
        let target: ResolvedProc
        if let r = resolved[callee] {
            target = r
        } else {
            var sub = Resolver(callee)
            sub.resolved = resolved
            target = try sub.resolveCurrent()
            resolved = sub.resolved
            resolved[callee] = target
        }
        return .call(target, rargs, loc)
    }

    /// A tensor argument or window definition: a whole tensor, a window, or one element.
    private func window(_ e: Expr, _ loc: SourceLocation) throws(KernelError) -> (RWindow, ScalarType, Int) {
        switch e.node {
        case .read(let x, let idx):
            guard case .tensor(let slot, let t, let rank) = try lookup(x, loc) else {
                throw KernelError(.interpreter, "'\(x.name)' is not a tensor", at: loc)
            }
            if idx.isEmpty { return (RWindow(source: slot, dims: [], loc: loc), t, rank) }
            guard idx.count == rank else {
                throw KernelError(.interpreter, "'\(x.name)' has \(rank) dimensions but is indexed with \(idx.count)", at: loc)
            }
            return (RWindow(source: slot, dims: try idx.map { i throws(KernelError) in .point(try control(i)) }, loc: loc), t, 0)
        case .window(let x, let acc):
            guard case .tensor(let slot, let t, let rank) = try lookup(x, loc) else {
                throw KernelError(.interpreter, "'\(x.name)' is not a tensor", at: loc)
            }
            guard acc.count == rank else {
                throw KernelError(.interpreter, "'\(x.name)' has \(rank) dimensions but the window has \(acc.count)", at: loc)
            }
            var dims: [RDim] = []
            var newRank = 0
            for a in acc {
                switch a {
                case .point(let p): dims.append(.point(try control(p)))
                case .interval(let lo, let hi):
                    dims.append(.interval(try control(lo), try control(hi)))
                    newRank += 1
                }
            }
            return (RWindow(source: slot, dims: dims, loc: loc), t, newRank)
        default:
            throw KernelError(.interpreter, "expected a tensor or window, got '\(MessageText.expr(e))'", at: loc)
        }
    }

    // MARK: expressions

    private func control(_ e: Expr) throws(KernelError) -> IExpr {
        switch e.node {
        case .int(let v): return .const(v)
        case .bool(let b): return .const(b ? 1 : 0)
        case .float:
            throw KernelError(.interpreter, "a float literal cannot be an index", at: e.loc)
        case .read(let s, let idx):
            guard idx.isEmpty, case .control(let slot) = try lookup(s, e.loc) else {
                throw KernelError(.interpreter, "data value '\(MessageText.expr(e))' used where an index or condition is expected", at: e.loc)
            }
            return .slot(slot)
        case .unary(.neg, let a): return .neg(try control(a), e.loc)
        case .unary(.not, let a): return .not(try control(a))
        case .binary(let op, let a, let b): return .binary(op, try control(a), try control(b), e.loc)
        case .stride(let s, let d):
            guard case .tensor(let slot, _, let rank) = try lookup(s, e.loc), d >= 0, d < rank else {
                throw KernelError(.interpreter, "stride(\(s.name), \(d)) names no dimension of a tensor", at: e.loc)
            }
            return .stride(slot, d, e.loc)
        case .window:
            throw KernelError(.interpreter, "a window is not an index", at: e.loc)
        }
    }

    /// True when `e` mentions only control values (sizes, indices, strides,
    /// integer literals): such an expression is an index expression even where
    /// data is expected, so its `/` and `%` are Exo's floor division and modulo.
    private func isControl(_ e: Expr) -> Bool {
        switch e.node {
        case .int, .stride: return true
        case .float, .bool, .window: return false
        case .read(let s, let idx):
            if case .control? = scope[s] { return idx.isEmpty }
            return false
        case .unary(_, let a): return isControl(a)
        case .binary(_, let a, let b): return isControl(a) && isControl(b)
        }
    }

    private func data(_ e: Expr) throws(KernelError) -> DExpr {
        if case .int(let v) = e.node { return .int(v) }
        if isControl(e) { return .index(try control(e)) }
        switch e.node {
        case .int(let v): return .int(v)
        case .float(let v): return .float(Float(v))
        case .read(let s, let idx):
            switch try lookup(s, e.loc) {
            case .control:
                guard idx.isEmpty else { throw KernelError(.interpreter, "'\(s.name)' is not a tensor", at: e.loc) }
                return .index(try control(e))
            case .tensor(let slot, _, let rank):
                guard idx.count == rank else {
                    throw KernelError(.interpreter, "'\(s.name)' has \(rank) dimensions but is read with \(idx.count) indices", at: e.loc)
                }
                return .read(slot, try idx.map { i throws(KernelError) in try control(i) }, e.loc)
            }
        case .unary(.neg, let a): return .neg(try data(a))
        case .binary(let op, let a, let b) where !op.isComparison && !op.isLogical:
            return .binary(op, try data(a), try data(b), e.loc)
        case .stride: return .index(try control(e))
        default:
            throw KernelError(.interpreter, "'\(MessageText.expr(e))' is not a data expression", at: e.loc)
        }
    }
}
