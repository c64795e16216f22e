/// Turns a `Proc` into a `ResolvedProc`: assigns frame slots to symbols,
/// separates control from data expressions, emits flat nodes and checks the
/// shape of what it sees (known names, index counts, argument kinds).
/// Callees are resolved once per resolution and shared by every call site.
struct Resolver {
    private enum Binding {
        case control(slot: Int)
        case tensor(slot: Int, type: ScalarType, rank: Int)
    }

    private final class Cache {
        var resolved: [Proc: ResolvedProc] = [:]
    }

    private let cache: Cache
    private var scope: [Sym: Binding] = [:]
    private let out: ResolvedProc

    private init(_ proc: Proc, cache: Cache) {
        self.cache = cache
        out = ResolvedProc(proc: proc)
    }

    static func resolve(_ proc: Proc) throws(KernelError) -> ResolvedProc {
        var r = Resolver(proc, cache: Cache())
        return try r.resolveProc()
    }

    private mutating func resolveProc() throws(KernelError) -> ResolvedProc {
        let proc = out.proc
        for p in proc.params {
            switch p.type {
            case .index, .size, .bool:
                out.params.append(.control(slot: newControl(p.name), isSize: p.type == .size, isBool: p.type == .bool))
            case .scalar(let t):
                out.params.append(.tensor(slot: newTensor(p.name, t, rank: 0), type: t, shape: []))
            case .tensor(let t, let shape, _):
                out.params.append(.tensor(slot: newTensor(p.name, t, rank: shape.count), type: t, shape: []))
            }
        }
        // Shapes may name any size parameter, so resolve them once all are bound.
        for (k, p) in proc.params.enumerated() {
            if case .tensor(_, let shape, _) = p.type, case .tensor(let slot, let t, _) = out.params[k] {
                var roots: [Int32] = []
                for e in shape { roots.append(try control(e)) }
                out.params[k] = .tensor(slot: slot, type: t, shape: roots)
            }
        }
        for e in proc.preconditions { out.preconditions.append((try control(e), e)) }
        out.body = try block(proc.body)
        out.freeze()
        return out
    }

    // MARK: emitting

    private func loc(_ l: SourceLocation) -> Int32 {
        if !l.isKnown { return 0 }
        out.locs.append(l)
        return Int32(out.locs.count - 1)
    }

    private func emit(_ n: INode) -> Int32 { out.inodeList.append(n); return Int32(out.inodeList.count - 1) }
    private func emit(_ n: DNode) -> Int32 { out.dnodeList.append(n); return Int32(out.dnodeList.count - 1) }
    private func emit(_ n: SNode) -> Int32 { out.snodeList.append(n); return Int32(out.snodeList.count - 1) }

    /// Appends a list of node indices; returns its start.
    private func list(_ items: [Int32]) -> Int32 {
        let start = Int32(out.listList.count)
        out.listList.append(contentsOf: items)
        return start
    }

    // MARK: slots

    private mutating func newControl(_ s: Sym) -> Int {
        defer { out.controlSlots += 1 }
        scope[s] = .control(slot: out.controlSlots)
        return out.controlSlots
    }

    private mutating func newTensor(_ s: Sym, _ t: ScalarType, rank: Int) -> Int {
        let slot = out.tensorSlots
        out.tensorSlots += 1
        out.tensorRank.append(rank)
        out.dimsOffset.append(out.dimsCount)
        out.dimsCount += 2 * rank
        scope[s] = .tensor(slot: slot, type: t, rank: rank)
        return slot
    }

    private func lookup(_ s: Sym, _ loc: SourceLocation) throws(KernelError) -> Binding {
        guard let b = scope[s] else {
            throw KernelError(.interpreter, "'\(s.name)' is not defined here (in \(out.proc.name))", at: loc)
        }
        return b
    }

    // MARK: statements

    private mutating func block(_ stmts: [Stmt]) throws(KernelError) -> (start: Int32, count: Int32) {
        let saved = scope
        defer { scope = saved }
        var items: [Int32] = []
        items.reserveCapacity(stmts.count)
        for s in stmts { items.append(try statement(s)) }
        return (list(items), Int32(items.count))
    }

    private mutating func statement(_ s: Stmt) throws(KernelError) -> Int32 {
        switch s.node {
        case .assign(let x, let idx, let rhs), .reduce(let x, let idx, let rhs):
            guard case .tensor(let slot, let type, let rank) = try lookup(x, s.loc) else {
                throw KernelError(.interpreter, "cannot assign to control variable '\(x.name)'", at: s.loc)
            }
            guard idx.count == rank else {
                throw KernelError(.interpreter, "'\(x.name)' has \(rank) dimensions but is written with \(idx.count) indices", at: s.loc)
            }
            var isReduce: Int32 = 0
            if case .reduce = s.node { isReduce = 1 }
            var roots: [Int32] = []
            for i in idx { roots.append(try control(i)) }
            let r = try data(rhs)
            return emit(SNode(op: .store, a: Int32(slot), b: list(roots), c: Int32(roots.count), d: r,
                              e: type.code, f: isReduce, value: out.dimsOffset[slot], loc: loc(s.loc)))
        case .pass:
            return emit(SNode(op: .pass))
        case .ifElse(let c, let body, let orelse):
            let cond = try control(c)
            let t = try block(body), e = try block(orelse)
            return emit(SNode(op: .ifElse, a: cond, b: t.start, c: t.count, d: e.start, e: e.count))
        case .loop(let i, let lo, let hi, let body):
            let l = try control(lo), h = try control(hi)
            let saved = scope
            defer { scope = saved }
            let slot = newControl(i)
            let b = try block(body)
            return emit(SNode(op: .loop, a: Int32(slot), b: l, c: h, d: b.start, e: b.count))
        case .alloc(let x, let type, _):
            guard let el = type.elementType else {
                throw KernelError(.interpreter, "allocation '\(x.name)' must have a data type", at: s.loc)
            }
            var roots: [Int32] = []
            for e in type.shape { roots.append(try control(e)) }
            let slot = newTensor(x, el, rank: roots.count)
            return emit(SNode(op: .alloc, a: Int32(slot), b: list(roots), c: Int32(roots.count), e: el.code,
                              value: out.dimsOffset[slot], loc: loc(s.loc)))
        case .call(let callee, let args):
            return try call(callee, args, s.loc)
        case .windowDef(let w, let e):
            let (win, type, rank) = try window(e, s.loc)
            return emit(SNode(op: .window, a: Int32(newTensor(w, type, rank: rank)), b: win))
        }
    }

    private mutating func call(_ callee: Proc, _ args: [Expr], _ l: SourceLocation) throws(KernelError) -> Int32 {
        guard args.count == callee.params.count else {
            throw KernelError(.interpreter, "\(callee.name) takes \(callee.params.count) arguments, got \(args.count)", at: l)
        }
        var descs: [ArgDesc] = []
        for (p, a) in zip(callee.params, args) {
            switch p.type {
            case .index, .size, .bool:
                descs.append(ArgDesc(isTensor: false, index: try control(a)))
            case .scalar(let t), .tensor(let t, _, _):
                let (win, type, rank) = try window(a, a.loc.isKnown ? a.loc : l)
                guard type == t, rank == p.type.shape.count else {
                    throw KernelError(.interpreter, "argument '\(MessageText.expr(a))' (\(type.rawValue), \(rank) dims) does not match parameter '\(p.name.name)' of \(callee.name) (\(t.rawValue), \(p.type.shape.count) dims)", at: l)
                }
                descs.append(ArgDesc(isTensor: true, index: win))
            }
        }
        let target: ResolvedProc
        if let r = cache.resolved[callee] {
            target = r
        } else {
            var sub = Resolver(callee, cache: cache)
            target = try sub.resolveProc()
            cache.resolved[callee] = target
        }
        out.callees.append(target)
        let start = Int32(out.argList.count)
        out.argList.append(contentsOf: descs)
        return emit(SNode(op: .call, a: Int32(out.callees.count - 1), b: start, c: Int32(descs.count), loc: loc(l)))
    }

    /// A tensor argument or window definition: a whole tensor, a window, or one element.
    /// Returns the window index, element type and rank.
    private func window(_ e: Expr, _ l: SourceLocation) throws(KernelError) -> (Int32, ScalarType, Int) {
        let x: Sym
        var dims: [RWindowDim] = []
        var rank = 0
        switch e.node {
        case .read(let s, let idx):
            x = s
            guard case .tensor(_, _, let r) = try lookup(s, l) else {
                throw KernelError(.interpreter, "'\(s.name)' is not a tensor", at: l)
            }
            if idx.isEmpty {
                rank = r
            } else {
                guard idx.count == r else {
                    throw KernelError(.interpreter, "'\(s.name)' has \(r) dimensions but is indexed with \(idx.count)", at: l)
                }
                for i in idx { dims.append(RWindowDim(isInterval: false, lo: try control(i), hi: 0)) }
            }
        case .window(let s, let acc):
            x = s
            guard case .tensor(_, _, let r) = try lookup(s, l) else {
                throw KernelError(.interpreter, "'\(s.name)' is not a tensor", at: l)
            }
            guard acc.count == r else {
                throw KernelError(.interpreter, "'\(s.name)' has \(r) dimensions but the window has \(acc.count)", at: l)
            }
            for a in acc {
                switch a {
                case .point(let p): dims.append(RWindowDim(isInterval: false, lo: try control(p), hi: 0))
                case .interval(let lo, let hi):
                    dims.append(RWindowDim(isInterval: true, lo: try control(lo), hi: try control(hi)))
                    rank += 1
                }
            }
        default:
            throw KernelError(.interpreter, "expected a tensor or window, got '\(MessageText.expr(e))'", at: l)
        }
        guard case .tensor(let slot, let t, _) = try lookup(x, l) else {
            throw KernelError(.interpreter, "'\(x.name)' is not a tensor", at: l)
        }
        let start = Int32(out.wdimList.count)
        out.wdimList.append(contentsOf: dims)
        out.windowList.append(WindowDesc(source: Int32(slot), dimStart: start, dimCount: Int32(dims.count), loc: loc(l)))
        return (Int32(out.windowList.count - 1), t, rank)
    }

    // MARK: expressions

    private func control(_ e: Expr) throws(KernelError) -> Int32 {
        switch e.node {
        case .int(let v): return emit(INode(op: .const, value: v))
        case .bool(let b): return emit(INode(op: .const, value: b ? 1 : 0))
        case .float:
            throw KernelError(.interpreter, "a float literal cannot be an index", at: e.loc)
        case .read(let s, let idx):
            guard idx.isEmpty, case .control(let slot) = try lookup(s, e.loc) else {
                throw KernelError(.interpreter, "data value '\(MessageText.expr(e))' used where an index or condition is expected", at: e.loc)
            }
            return emit(INode(op: .slot, a: Int32(slot)))
        case .unary(.neg, let a): return emit(INode(op: .neg, a: try control(a), loc: loc(e.loc)))
        case .unary(.not, let a): return emit(INode(op: .not, a: try control(a)))
        case .binary(let op, let a, let b):
            let x = try control(a), y = try control(b)
            let iop: INode.Op
            switch op {
            case .add: iop = .add
            case .sub: iop = .sub
            case .mul: iop = .mul
            case .div: iop = .div
            case .mod: iop = .mod
            case .lt: iop = .lt
            case .le: iop = .le
            case .gt: iop = .gt
            case .ge: iop = .ge
            case .eq: iop = .eq
            case .ne: iop = .ne
            case .and: iop = .and
            case .or: iop = .or
            }
            return emit(INode(op: iop, a: x, b: y, loc: loc(e.loc)))
        case .stride(let s, let d):
            guard case .tensor(let slot, _, let rank) = try lookup(s, e.loc), d >= 0, d < rank else {
                throw KernelError(.interpreter, "stride(\(s.name), \(d)) names no dimension of a tensor", at: e.loc)
            }
            return emit(INode(op: .stride, value: out.dimsOffset[slot] + rank + d))
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

    private func data(_ e: Expr) throws(KernelError) -> Int32 {
        if case .int(let v) = e.node { return emit(DNode(op: .int, value: v)) }
        if isControl(e) { return emit(DNode(op: .index, a: try control(e))) }
        switch e.node {
        case .float(let v): return emit(DNode(op: .float, float: Float(v)))
        case .read(let s, let idx):
            guard case .tensor(let slot, let type, let rank) = try lookup(s, e.loc) else {
                throw KernelError(.interpreter, "'\(s.name)' is not a tensor", at: e.loc)
            }
            guard idx.count == rank else {
                throw KernelError(.interpreter, "'\(s.name)' has \(rank) dimensions but is read with \(idx.count) indices", at: e.loc)
            }
            var roots: [Int32] = []
            for i in idx { roots.append(try control(i)) }
            return emit(DNode(op: type.isFloat ? .readFloat : .readInt, a: Int32(slot), b: list(roots), c: Int32(roots.count),
                              value: out.dimsOffset[slot], loc: loc(e.loc)))
        case .unary(.neg, let a): return emit(DNode(op: .neg, a: try data(a)))
        case .binary(let op, let a, let b) where !op.isComparison && !op.isLogical:
            let x = try data(a), y = try data(b)
            let dop: DNode.Op
            switch op {
            case .add: dop = .add
            case .sub: dop = .sub
            case .mul: dop = .mul
            case .div: dop = .div
            default: dop = .mod
            }
            return emit(DNode(op: dop, a: x, b: y, loc: loc(e.loc)))
        default:
            throw KernelError(.interpreter, "'\(MessageText.expr(e))' is not a data expression", at: e.loc)
        }
    }
}
