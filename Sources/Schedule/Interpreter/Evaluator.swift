/// Executes resolved procs. Frames are two arrays indexed by slot; every
/// tensor access is bounds-checked and reported as a KernelError, never a trap.
struct Evaluator {
    struct Frame {
        var ints: [Int]
        var tensors: [Tensor]
    }

    /// Placeholder for tensor slots not yet bound (never read: the resolver
    /// only lets a slot be used after its definition).
    private let unbound = Tensor(.i32, shape: [])

    func newFrame(for p: ResolvedProc) -> Frame {
        Frame(ints: [Int](repeating: 0, count: p.controlSlots),
              tensors: [Tensor](repeating: unbound, count: p.tensorSlots))
    }

    /// Binds arguments, checks shapes and preconditions, runs the body.
    func run(_ p: ResolvedProc, _ args: [Argument], callSite: SourceLocation) throws(KernelError) {
        let proc = p.proc
        guard args.count == p.params.count else {
            throw KernelError(.interpreter, "\(proc.name) takes \(p.params.count) arguments, got \(args.count)", at: callSite)
        }
        var f = newFrame(for: p)
        for (k, (param, arg)) in zip(p.params, args).enumerated() {
            let name = proc.params[k].name.name
            switch (param, arg) {
            case (.control(let slot, let isSize, let isBool), .int(let v)) where !isBool:
                if isSize && v < 0 {
                    throw KernelError(.interpreter, "size argument '\(name)' of \(proc.name) is negative (\(v))", at: callSite)
                }
                f.ints[slot] = v
            case (.control(let slot, _, true), .bool(let b)):
                f.ints[slot] = b ? 1 : 0
            case (.tensor(let slot, let type, _), .tensor(let t)):
                guard t.elementType == type else {
                    throw KernelError(.interpreter, "argument '\(name)' of \(proc.name) must hold \(type.rawValue), got \(t.elementType.rawValue)", at: callSite)
                }
                f.tensors[slot] = t
            default:
                throw KernelError(.interpreter, "argument '\(name)' of \(proc.name) has the wrong kind", at: callSite)
            }
        }
        for (k, param) in p.params.enumerated() {
            guard case .tensor(let slot, _, let shape) = param else { continue }
            let actual = f.tensors[slot].shape
            let expected = try shape.map { e throws(KernelError) in try eval(e, &f) }
            guard actual == expected else {
                throw KernelError(.interpreter, "argument '\(proc.params[k].name.name)' of \(proc.name) has shape \(actual), expected \(expected)", at: callSite)
            }
        }
        for (cond, text) in p.preconditions where try eval(cond, &f) == 0 {
            throw KernelError(.interpreter, "precondition of \(proc.name) fails: assert \(MessageText.expr(text))",
                              at: callSite.isKnown ? callSite : text.loc)
        }
        try exec(p.body, &f)
    }

    // MARK: statements

    private func exec(_ stmts: [RStmt], _ f: inout Frame) throws(KernelError) {
        for s in stmts { try exec(s, &f) }
    }

    private func exec(_ s: RStmt, _ f: inout Frame) throws(KernelError) {
        switch s {
        case .store(let slot, let idx, let rhs, let isReduce, let loc):
            let t = f.tensors[slot]
            let pos = try position(t, idx, &f, loc)
            var v = try eval(rhs, &f)
            if isReduce { v = try DataValue.apply(.add, t.value(at: pos), v, at: loc) }
            do { try t.store(v, at: pos) } catch { throw KernelError(.interpreter, error.message, at: loc) }
        case .ifElse(let c, let body, let orelse):
            try exec(try eval(c, &f) != 0 ? body : orelse, &f)
        case .loop(let slot, let lo, let hi, let body):
            let l = try eval(lo, &f), h = try eval(hi, &f)
            var i = l
            while i < h {
                f.ints[slot] = i
                try exec(body, &f)
                i += 1
            }
        case .alloc(let slot, let type, let shape, let loc):
            let dims = try shape.map { e throws(KernelError) in try eval(e, &f) }
            if let bad = dims.first(where: { $0 < 0 }) {
                throw KernelError(.interpreter, "allocation with negative extent \(bad)", at: loc)
            }
            f.tensors[slot] = Tensor(type, shape: dims)
        case .call(let callee, let args, let loc):
            var values: [Argument] = []
            values.reserveCapacity(args.count)
            for a in args {
                switch a {
                case .control(let e): values.append(.int(try eval(e, &f)))
                case .tensor(let w): values.append(.tensor(try view(w, &f)))
                }
            }
            // Bool parameters take .bool arguments.
            for (k, p) in callee.params.enumerated() {
                if case .control(_, _, true) = p, case .int(let v) = values[k] { values[k] = .bool(v != 0) }
            }
            do {
                try run(callee, values, callSite: loc)
            } catch {
                if error.message.hasPrefix("precondition") || error.message.contains("(in call of") { throw error }
                throw KernelError(.interpreter, error.message + " (in call of \(callee.proc.name))",
                                  at: loc.isKnown ? loc : error.location)
            }
        case .window(let slot, let w):
            f.tensors[slot] = try view(w, &f)
        case .pass:
            break
        }
    }

    /// The view a window expression denotes, bounds-checked against its source.
    private func view(_ w: RWindow, _ f: inout Frame) throws(KernelError) -> Tensor {
        let t = f.tensors[w.source]
        if w.dims.isEmpty { return t }
        var offset = t.offset
        var shape: [Int] = [], strides: [Int] = []
        for (d, dim) in w.dims.enumerated() {
            switch dim {
            case .point(let e):
                let i = try eval(e, &f)
                guard i >= 0, i < t.shape[d] else {
                    throw KernelError(.interpreter, "window index \(i) out of bounds in dimension \(d) (extent \(t.shape[d]))", at: w.loc)
                }
                offset += i * t.strides[d]
            case .interval(let lo, let hi):
                let l = try eval(lo, &f), h = try eval(hi, &f)
                guard l >= 0, l <= h, h <= t.shape[d] else {
                    throw KernelError(.interpreter, "window \(l):\(h) out of bounds in dimension \(d) (extent \(t.shape[d]))", at: w.loc)
                }
                offset += l * t.strides[d]
                shape.append(h - l)
                strides.append(t.strides[d])
            }
        }
        return Tensor(storage: t.storage, offset: offset, shape: shape, strides: strides)
    }

    @inline(__always)
    private func position(_ t: Tensor, _ idx: [IExpr], _ f: inout Frame, _ loc: SourceLocation) throws(KernelError) -> Int {
        var pos = t.offset
        for d in idx.indices {
            let i = try eval(idx[d], &f)
            guard i >= 0, i < t.shape[d] else {
                let shown = try idx.map { e throws(KernelError) in try eval(e, &f) }
                throw KernelError(.interpreter, "out-of-bounds access at index \(shown) of a tensor of shape \(t.shape)", at: loc)
            }
            pos += i * t.strides[d]
        }
        return pos
    }

    // MARK: expressions

    func eval(_ e: IExpr, _ f: inout Frame) throws(KernelError) -> Int {
        switch e {
        case .const(let v): return v
        case .slot(let s): return f.ints[s]
        case .binary(.and, let a, let b, _):
            // Short-circuit, so `i < n and x[i] ...`-style guards protect the right side.
            if try eval(a, &f) == 0 { return 0 }
            return try eval(b, &f) != 0 ? 1 : 0
        case .binary(.or, let a, let b, _):
            if try eval(a, &f) != 0 { return 1 }
            return try eval(b, &f) != 0 ? 1 : 0
        case .binary(let op, let a, let b, let loc):
            return try IndexArithmetic.apply(op, try eval(a, &f), try eval(b, &f), at: loc)
        case .neg(let a, let loc): return try IndexArithmetic.apply(.sub, 0, try eval(a, &f), at: loc)
        case .not(let a): return try eval(a, &f) == 0 ? 1 : 0
        case .stride(let slot, let d, _): return f.tensors[slot].strides[d]
        }
    }

    private func eval(_ e: DExpr, _ f: inout Frame) throws(KernelError) -> DataValue {
        switch e {
        case .int(let v): return .int(v)
        case .float(let v): return .float(v)
        case .read(let slot, let idx, let loc):
            let t = f.tensors[slot]
            return t.value(at: try position(t, idx, &f, loc))
        case .index(let i): return .int(DataValue.wrap32(try eval(i, &f)))
        case .binary(let op, let a, let b, let loc):
            return try DataValue.apply(op, try eval(a, &f), try eval(b, &f), at: loc)
        case .neg(let a): return try eval(a, &f).negated()
        }
    }
}
