/// Executes a resolved proc over a frame. Every tensor access is
/// bounds-checked and reported as a KernelError, never a trap.
struct Evaluator {
    let proc: ResolvedProc
    let code: ResolvedProc.Code

    init(_ proc: ResolvedProc) {
        self.proc = proc
        code = proc.code
    }

    private func location(_ l: Int32) -> SourceLocation {
        Int(l) < proc.locs.count ? proc.locs[Int(l)] : .unknown
    }

    // MARK: entry

    /// Binds public arguments and runs the proc.
    func run(_ args: [Argument]) throws(KernelError) {
        let p = proc.proc
        guard args.count == proc.params.count else {
            throw KernelError(.interpreter, "\(p.name) takes \(proc.params.count) arguments, got \(args.count)", at: p.loc)
        }
        let f = Frame(for: proc)
        defer { f.release() }
        for (k, (param, arg)) in zip(proc.params, args).enumerated() {
            let name = p.params[k].name.name
            switch (param, arg) {
            case (.control(let slot, _, let isBool), .int(let v)) where !isBool:
                f.ints[slot] = v
            case (.control(let slot, _, true), .bool(let b)):
                f.ints[slot] = b ? 1 : 0
            case (.tensor(let slot, let type, _), .tensor(let t)):
                guard t.elementType == type, t.shape.count == code.tensorRank[slot] else {
                    throw KernelError(.interpreter, "argument '\(name)' of \(p.name) must be \(type.rawValue) with \(code.tensorRank[slot]) dimensions, got \(t.elementType.rawValue) with \(t.shape.count)", at: p.loc)
                }
                f.owners[slot] = t.storage
                f.bases[slot] = t.storage.rawBase
                f.offsets[slot] = t.offset
                let d0 = code.dimsOffset[slot], rank = t.shape.count
                for d in 0..<rank {
                    f.dims[d0 + d] = t.shape[d]
                    f.dims[d0 + rank + d] = t.strides[d]
                }
            default:
                throw KernelError(.interpreter, "argument '\(name)' of \(p.name) has the wrong kind", at: p.loc)
            }
        }
        try enter(f, callSite: p.loc)
    }

    /// Checks sizes, shapes and preconditions of a bound frame, then runs the body.
    private func enter(_ f: Frame, callSite: SourceLocation) throws(KernelError) {
        let p = proc.proc
        for (k, param) in proc.params.enumerated() {
            switch param {
            case .control(let slot, true, _) where f.ints[slot] < 0:
                throw KernelError(.interpreter, "size argument '\(p.params[k].name.name)' of \(p.name) is negative (\(f.ints[slot]))", at: callSite)
            case .tensor(let slot, _, let shape):
                let d0 = code.dimsOffset[slot]
                var actual: [Int] = [], expected: [Int] = []
                for (d, root) in shape.enumerated() {
                    actual.append(f.dims[d0 + d])
                    expected.append(try index(root, f))
                }
                guard actual == expected else {
                    throw KernelError(.interpreter, "argument '\(p.params[k].name.name)' of \(p.name) has shape \(actual), expected \(expected)", at: callSite)
                }
            default: break
            }
        }
        for (cond, text) in proc.preconditions where try index(cond, f) == 0 {
            throw KernelError(.interpreter, "precondition of \(p.name) fails: assert \(MessageText.expr(text))",
                              at: callSite.isKnown ? callSite : text.loc)
        }
        try block(proc.body.start, proc.body.count, f)
    }

    // MARK: statements

    @inline(__always)
    private func block(_ start: Int32, _ count: Int32, _ f: Frame) throws(KernelError) {
        var k = start
        let end = start + count
        while k < end {
            try exec(code.lists[k], f)
            k += 1
        }
    }

    private func exec(_ n: Int32, _ f: Frame) throws(KernelError) {
        let s = code.snodes[n]
        switch s.op {
        case .store:
            let pos = try position(s.a, s.b, s.c, s.value, f, s.loc)
            let rhs = try value(s.d, f)
            try store(rhs, reduce: s.f != 0, type: ScalarType(code: s.e), slot: s.a, pos: pos, f, s.loc)
        case .ifElse:
            if try index(s.a, f) != 0 { try block(s.b, s.c, f) } else { try block(s.d, s.e, f) }
        case .loop:
            let hi = try index(s.c, f)
            var i = try index(s.b, f)
            let slot = Int(s.a)
            while i < hi {
                f.ints[slot] = i
                try block(s.d, s.e, f)
                i += 1
            }
        case .alloc:
            try allocate(s, f)
        case .call:
            try call(s, f)
        case .window:
            let target = Int(s.a)
            try bindView(code.windows[s.b], from: f, into: f, slot: target, dims: code.dimsOffset[target], rank: code.tensorRank[target])
        case .pass:
            break
        }
    }

    private func store(_ v: DataValue, reduce: Bool, type: ScalarType, slot: Int32, pos: Int, _ f: Frame, _ l: Int32) throws(KernelError) {
        guard let base = f.bases[Int(slot)] else { throw unbound(l) }
        if type == .f32 {
            let p = base.assumingMemoryBound(to: Float.self)
            p[pos] = reduce ? p[pos] + v.asFloat : v.asFloat
            return
        }
        let p = base.assumingMemoryBound(to: Int32.self)
        var v = v
        if reduce { v = try DataValue.apply(.add, .int(Int(p[pos])), v, at: location(l)) }
        let i: Int
        do { i = try v.asInt(for: type) } catch { throw KernelError(.interpreter, error.message, at: location(l)) }
        switch type {
        case .i8: p[pos] = Int32(Int8(truncatingIfNeeded: i))
        case .i16: p[pos] = Int32(Int16(truncatingIfNeeded: i))
        default: p[pos] = Int32(truncatingIfNeeded: i)
        }
    }

    private func unbound(_ l: Int32) -> KernelError {
        KernelError(.interpreter, "a tensor was used before it was bound", at: location(l))
    }

    private func allocate(_ s: SNode, _ f: Frame) throws(KernelError) {
        let slot = Int(s.a), rank = Int(s.c), d0 = s.value
        var count = 1
        for d in 0..<rank {
            let e = try index(code.lists[s.b + Int32(d)], f)
            guard e >= 0 else { throw KernelError(.interpreter, "allocation with negative extent \(e)", at: location(s.loc)) }
            let r = count.multipliedReportingOverflow(by: e)
            guard !r.overflow, r.partialValue <= 1 << 32 else {
                throw KernelError(.interpreter, "allocation too large for the interpreter", at: location(s.loc))
            }
            count = r.partialValue
            f.dims[d0 + d] = e
        }
        var step = 1
        for d in (0..<rank).reversed() {
            f.dims[d0 + rank + d] = step
            step *= f.dims[d0 + d]
        }
        let type = ScalarType(code: s.e)
        f.offsets[slot] = 0
        // An allocation in a loop reuses last iteration's storage when nothing else holds it.
        if isKnownUniquelyReferenced(&f.owners[slot]), let old = f.owners[slot], old.count == count, old.elementType == type {
            old.zero()
            return
        }
        let storage = TensorStorage(type, count: count)
        f.owners[slot] = storage
        f.bases[slot] = storage.rawBase
    }

    /// Makes `slot` of frame `g` the view `w` of a tensor of frame `f`, bounds-checked.
    private func bindView(_ w: WindowDesc, from f: Frame, into g: Frame, slot: Int, dims t0: Int, rank targetRank: Int) throws(KernelError) {
        let src = Int(w.source)
        let d0 = code.dimsOffset[src], rank = code.tensorRank[src]
        var offset = f.offsets[src]
        if w.dimCount == 0 {
            for d in 0..<(2 * rank) { g.dims[t0 + d] = f.dims[d0 + d] }
        } else {
            var r = 0
            for d in 0..<rank {
                let dim = code.wdims[w.dimStart + Int32(d)]
                let extent = f.dims[d0 + d], step = f.dims[d0 + rank + d]
                let lo = try index(dim.lo, f)
                if dim.isInterval {
                    let hi = try index(dim.hi, f)
                    guard lo >= 0, lo <= hi, hi <= extent else {
                        throw KernelError(.interpreter, "window \(lo):\(hi) out of bounds in dimension \(d) (extent \(extent))", at: location(w.loc))
                    }
                    g.dims[t0 + r] = hi - lo
                    g.dims[t0 + targetRank + r] = step
                    r += 1
                } else {
                    guard lo >= 0, lo < extent else {
                        throw KernelError(.interpreter, "window index \(lo) out of bounds in dimension \(d) (extent \(extent))", at: location(w.loc))
                    }
                }
                offset += lo * step
            }
        }
        g.owners[slot] = f.owners[src]
        g.bases[slot] = f.bases[src]
        g.offsets[slot] = offset
    }

    private func call(_ s: SNode, _ f: Frame) throws(KernelError) {
        let callee = proc.callees[Int(s.a)]
        let target = Evaluator(callee)
        let g = Frame(for: callee)
        defer { g.release() }
        let callSite = location(s.loc)
        for k in 0..<Int(s.c) {
            let arg = code.args[s.b + Int32(k)]
            switch callee.params[k] {
            case .control(let slot, _, let isBool):
                let v = try index(arg.index, f)
                g.ints[slot] = isBool ? (v != 0 ? 1 : 0) : v
            case .tensor(let slot, _, _):
                try bindView(code.windows[arg.index], from: f, into: g, slot: slot,
                             dims: callee.code.dimsOffset[slot], rank: callee.code.tensorRank[slot])
            }
        }
        do {
            try target.enter(g, callSite: callSite)
        } catch {
            if error.message.hasPrefix("precondition") || error.message.contains("(in call of") { throw error }
            throw KernelError(.interpreter, error.message + " (in call of \(callee.proc.name))",
                              at: callSite.isKnown ? callSite : error.location)
        }
    }

    // MARK: expressions

    /// Storage position of tensor `slot` at indices `lists[start ..< start + count]`.
    @inline(__always)
    private func position(_ slot: Int32, _ start: Int32, _ count: Int32, _ d0: Int, _ f: Frame, _ l: Int32) throws(KernelError) -> Int {
        var pos = f.offsets[Int(slot)]
        let rank = Int(count)
        var k = 0
        while k < rank {
            let i = try index(code.lists[start + Int32(k)], f)
            let extent = f.dims[d0 + k]
            if i < 0 || i >= extent { throw outOfBounds(start, count, d0, f, l) }
            pos += i * f.dims[d0 + rank + k]
            k += 1
        }
        return pos
    }

    private func outOfBounds(_ start: Int32, _ count: Int32, _ d0: Int, _ f: Frame, _ l: Int32) -> KernelError {
        let rank = Int(count)
        let shown = (0..<rank).map { k in (try? index(code.lists[start + Int32(k)], f)) ?? 0 }
        let shape = (0..<rank).map { f.dims[d0 + $0] }
        return KernelError(.interpreter, "out-of-bounds access at index \(shown) of a tensor of shape \(shape)", at: location(l))
    }

    func index(_ n: Int32, _ f: Frame) throws(KernelError) -> Int {
        let x = code.inodes[n]
        switch x.op {
        case .const: return x.value
        case .slot: return f.ints[Int(x.a)]
        case .stride: return f.dims[x.value]
        case .and:
            // Short-circuit, so `i < n and x[i] ...`-style guards protect the right side.
            if try index(x.a, f) == 0 { return 0 }
            return try index(x.b, f) != 0 ? 1 : 0
        case .or:
            if try index(x.a, f) != 0 { return 1 }
            return try index(x.b, f) != 0 ? 1 : 0
        case .not: return try index(x.a, f) == 0 ? 1 : 0
        case .neg: return try IndexOperations.apply(.sub, 0, try index(x.a, f), at: location(x.loc))
        case .add:
            let r = try index(x.a, f).addingReportingOverflow(try index(x.b, f))
            if r.overflow { throw KernelError(.interpreter, "index arithmetic overflow", at: location(x.loc)) }
            return r.partialValue
        case .sub:
            let r = try index(x.a, f).subtractingReportingOverflow(try index(x.b, f))
            if r.overflow { throw KernelError(.interpreter, "index arithmetic overflow", at: location(x.loc)) }
            return r.partialValue
        case .mul:
            let r = try index(x.a, f).multipliedReportingOverflow(by: try index(x.b, f))
            if r.overflow { throw KernelError(.interpreter, "index arithmetic overflow", at: location(x.loc)) }
            return r.partialValue
        case .lt: return try index(x.a, f) < index(x.b, f) ? 1 : 0
        case .le: return try index(x.a, f) <= index(x.b, f) ? 1 : 0
        case .gt: return try index(x.a, f) > index(x.b, f) ? 1 : 0
        case .ge: return try index(x.a, f) >= index(x.b, f) ? 1 : 0
        case .eq: return try index(x.a, f) == index(x.b, f) ? 1 : 0
        case .ne: return try index(x.a, f) != index(x.b, f) ? 1 : 0
        case .div: return try IndexOperations.apply(.div, try index(x.a, f), try index(x.b, f), at: location(x.loc))
        case .mod: return try IndexOperations.apply(.mod, try index(x.a, f), try index(x.b, f), at: location(x.loc))
        }
    }

    private func value(_ n: Int32, _ f: Frame) throws(KernelError) -> DataValue {
        let x = code.dnodes[n]
        switch x.op {
        case .int: return .int(x.value)
        case .float: return .float(x.float)
        case .readInt, .readFloat:
            let pos = try position(x.a, x.b, x.c, x.value, f, x.loc)
            guard let base = f.bases[Int(x.a)] else { throw unbound(x.loc) }
            return x.op == .readInt ? .int(Int(base.assumingMemoryBound(to: Int32.self)[pos]))
                                    : .float(base.assumingMemoryBound(to: Float.self)[pos])
        case .index: return .int(DataValue.wrap32(try index(x.a, f)))
        case .neg: return try value(x.a, f).negated()
        case .add: return try DataValue.apply(.add, try value(x.a, f), try value(x.b, f), at: location(x.loc))
        case .sub: return try DataValue.apply(.sub, try value(x.a, f), try value(x.b, f), at: location(x.loc))
        case .mul: return try DataValue.apply(.mul, try value(x.a, f), try value(x.b, f), at: location(x.loc))
        case .div: return try DataValue.apply(.div, try value(x.a, f), try value(x.b, f), at: location(x.loc))
        case .mod: return try DataValue.apply(.mod, try value(x.a, f), try value(x.b, f), at: location(x.loc))
        }
    }
}
