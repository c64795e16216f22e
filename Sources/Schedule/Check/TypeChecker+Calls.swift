/// Call arguments against the callee's parameters: count, kind, element type,
/// window rank and constant extents, memory.
extension TypeEnvironment {
    func checkCall(_ callee: Proc, _ args: [Expr], at loc: SourceLocation) throws(KernelError) {
        guard args.count == callee.params.count else {
            throw error("'\(callee.name)' takes \(callee.params.count) argument\(callee.params.count == 1 ? "" : "s"), found \(args.count)", at: loc)
        }
        // The callee's sizes, as this call fixes them, for comparing shapes.
        var sizes: [Sym: Expr] = [:]
        for (p, a) in zip(callee.params, args) where p.type == .size || p.type == .index {
            sizes[p.name] = a
        }
        for (p, a) in zip(callee.params, args) {
            try checkArgument(a, against: p, of: callee, sizes: sizes)
        }
    }

    private func checkArgument(_ arg: Expr, against p: Param, of callee: Proc, sizes: [Sym: Expr]) throws(KernelError) {
        let what = "argument '\(p.name.name)' of '\(callee.name)'"
        switch p.type {
        case .size, .index:
            let k = try indexKind(arg)
            guard k.isInteger else {
                throw error("\(what) expects an integer index expression (\(p.type.exoText)), found \(k.phrase)", at: arg.loc)
            }
        case .bool:
            let k = try indexKind(arg)
            guard k == .bool else {
                throw error("\(what) expects a bool expression, found \(k.phrase)", at: arg.loc)
            }
        case .scalar(let el):
            guard case .read(let s, let idx) = arg.node, idx.isEmpty,
                  case .scalar(let argEl) = try info(s, at: arg.loc).type else {
                throw error("\(what) expects the name of an \(el.rawValue) scalar (scalar arguments are passed by name)", at: arg.loc)
            }
            guard argEl == el else {
                throw error("\(what) expects \(el.rawValue), found '\(s.name)' of type \(argEl.rawValue)", at: arg.loc)
            }
            try checkMemory(of: s, arg, against: p, what: what)
        case .tensor(let el, let shape, let isWindow):
            let (argEl, argShape, argIsWindow, root) = try tensorArgument(arg, what: what, expected: p.type)
            if !isWindow && argIsWindow {
                throw error("\(what) expects a whole tensor \(p.type.exoText), found a window", at: arg.loc)
            }
            guard argEl == el else {
                throw error("\(what) expects elements of type \(el.rawValue), found \(argEl.rawValue)", at: arg.loc)
            }
            guard argShape.count == shape.count else {
                throw error("\(what) expects \(shape.count) dimension\(shape.count == 1 ? "" : "s") (\(p.type.exoText)), found \(argShape.count)", at: arg.loc)
            }
            for (d, (pd, ad)) in zip(shape, argShape).enumerated() {
                if let want = pd.substituting(sizes).foldedConstant, let have = ad.foldedConstant, want != have {
                    throw error("\(what): dimension \(d) must have extent \(want), found \(have)", at: arg.loc)
                }
            }
            try checkMemory(of: root, arg, against: p, what: what)
        }
    }

    /// Element type, shape, window-ness and underlying symbol of a tensor argument.
    private func tensorArgument(_ arg: Expr, what: String, expected: DataType) throws(KernelError) -> (ScalarType, [Expr], Bool, Sym) {
        switch arg.node {
        case .window(let s, let accesses):
            let (t, _) = try windowType(s, accesses, at: arg.loc)
            return (t.elementType ?? .i32, t.shape, true, s)
        case .read(let s, let idx) where idx.isEmpty:
            let i = try info(s, at: arg.loc)
            if case .tensor(let el, let shape, let w) = i.type { return (el, shape, w, s) }
        default: break
        }
        let k = try kind(of: arg)
        throw error("\(what) expects \(expected.exoText), found \(k.phrase)", at: arg.loc)
    }

    private func checkMemory(of s: Sym, _ arg: Expr, against p: Param, what: String) throws(KernelError) {
        let want = p.memory ?? .dram
        let have = try info(s, at: arg.loc).memory ?? .dram
        guard memoryAccepts(want, have) else {
            throw error("\(what) must live in \(want), but '\(s.name)' lives in \(have)", at: arg.loc)
        }
    }
}
