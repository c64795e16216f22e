extension Procedure {
    /// `inline(p, call)`: replaces a call of a plain (non-instruction) proc by
    /// the callee's body, with control parameters replaced by the argument
    /// expressions and accesses to tensor / window parameters rewritten to
    /// the arguments' buffers (window offsets added). Always sound.
    public func inline(_ call: Cursor) throws -> Procedure {
        let rw = "inline"
        let place = try resolve(call, rw, as: [.statement])
        let s = try stmt(at: place, rw)
        guard case .call(let callee, let args) = s.node else { throw failure(rw, "expected a call", at: s) }
        guard !callee.isInstruction else {
            throw failure(rw, "\(callee.name) is an instruction; only plain procs are inlined", at: s)
        }
        guard callee.params.count == args.count else {
            throw failure(rw, "\(callee.name) takes \(callee.params.count) arguments, the call passes \(args.count)", at: s)
        }
        var control: [Sym: Expr] = [:]
        var data: [Sym: ArgumentView] = [:]
        for (param, arg) in zip(callee.params, args) {
            if !param.type.isData { control[param.name] = arg; continue }
            switch arg.node {
            case .read(let x, let idx):
                data[param.name] = idx.isEmpty ? ArgumentView(base: x, window: nil)
                    : ArgumentView(base: x, window: idx.map { .point($0) })
            case .window(let x, let acc):
                data[param.name] = ArgumentView(base: x, window: acc)
            default:
                throw failure(rw, "the argument for \(param.name.name) is not a buffer or window", at: s,
                                            details: ["argument: `\(StatementText.expr(arg))`"])
            }
        }
        let body = callee.body.freshened().substituting(control).map { Self.redirect($0, data) }
        let replacement = body.isEmpty ? [Stmt(.pass, at: s.loc)] : body.map { st in
            var st = st
            if !st.loc.isKnown { st.loc = s.loc }
            return st
        }
        let newTree = StatementTree.replacing(ir.body, owner: place.owner, block: place.block,
                                              range: place.lo..<place.hi, with: replacement)
        let forward = Forward.replacing(owner: place.owner, block: place.block, range: place.lo..<place.hi,
                                        newCount: replacement.count, inside: { _ in nil })
        return derived(rw, body: newTree, forward, arguments: [argument(place)])
    }

    /// What a data parameter stands for at the call: a buffer, or a window of one.
    struct ArgumentView {
        var base: Sym
        var window: [WindowAccess]?

        /// The base index for an index into the parameter.
        func index(_ idx: [Expr]) -> [Expr] {
            guard let window else { return idx }
            var k = 0
            return window.map { a in
                switch a {
                case .point(let e): return e
                case .interval(let lo, _):
                    defer { k += 1 }
                    return k < idx.count ? lo + idx[k] : lo
                }
            }
        }

        /// A window of the parameter as a window of the base.
        func window(_ acc: [WindowAccess]) -> [WindowAccess] {
            guard let window else { return acc }
            var k = 0
            return window.map { a in
                switch a {
                case .point: return a
                case .interval(let lo, _):
                    defer { k += 1 }
                    guard k < acc.count else { return a }
                    switch acc[k] {
                    case .point(let e): return .point(lo + e)
                    case .interval(let l, let h): return .interval(lo + l, lo + h)
                    }
                }
            }
        }

        /// Dimension d of the parameter as a dimension of the base.
        func dimension(_ d: Int) -> Int {
            guard let window else { return d }
            var k = 0
            for (j, a) in window.enumerated() {
                if case .interval = a {
                    if k == d { return j }
                    k += 1
                }
            }
            return d
        }
    }

    private static func redirect(_ s: Stmt, _ data: [Sym: ArgumentView]) -> Stmt {
        if data.isEmpty { return s }
        let inExpr: (Expr) -> Expr = { e in
            e.transformed { e in
                var e = e
                switch e.node {
                case .read(let p, let idx):
                    guard let v = data[p] else { break }
                    if idx.isEmpty, let w = v.window, w.contains(where: { if case .interval = $0 { true } else { false } }) {
                        e.node = .window(v.base, w)
                    } else {
                        e.node = .read(v.base, v.index(idx))
                    }
                case .window(let p, let acc):
                    if let v = data[p] { e.node = .window(v.base, v.window(acc)) }
                case .stride(let p, let d):
                    if let v = data[p] { e.node = .stride(v.base, v.dimension(d)) }
                default: break
                }
                return e
            }
        }
        var out = s.mappingOwnExprs(inExpr)
        switch out.node {
        case .assign(let p, let idx, let rhs): if let v = data[p] { out.node = .assign(v.base, v.index(idx), rhs) }
        case .reduce(let p, let idx, let rhs): if let v = data[p] { out.node = .reduce(v.base, v.index(idx), rhs) }
        default: break
        }
        return out.mappingBlocks { $0.map { redirect($0, data) } }
    }
}
