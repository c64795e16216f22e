/// Classification of expressions: index expressions (loop bounds, indices,
/// conditions, shapes) and data expressions (values read and written).
extension TypeEnvironment {
    /// The kind of any expression in this environment, whichever context it
    /// sits in: a window or whole tensor, a data value, or an index value.
    public func kind(of e: Expr) throws(KernelError) -> ExprKind {
        switch e.node {
        case .window(let s, let accesses):
            let (t, _) = try windowType(s, accesses, at: e.loc)
            return .tensor(t.elementType ?? .i32, shape: t.shape, isWindow: true)
        case .read(let s, let idx) where idx.isEmpty:
            let i = try info(s, at: e.loc)
            if case .tensor(let el, let shape, let w) = i.type { return .tensor(el, shape: shape, isWindow: w) }
            if case .scalar(let el) = i.type { return .scalar(el) }
            return try indexKind(e)
        default:
            return try mentionsData(e) ? .scalar(try dataKind(e)) : try indexKind(e)
        }
    }

    private func mentionsData(_ e: Expr) throws(KernelError) -> Bool {
        switch e.node {
        case .float: return true
        case .read(let s, _):
            return try info(s, at: e.loc).type.isData
        case .unary(_, let a): return try mentionsData(a)
        case .binary(_, let a, let b):
            if try mentionsData(a) { return true }
            return try mentionsData(b)
        default: return false
        }
    }

    /// Kind of an expression in an index position; data values are refused.
    public func indexKind(_ e: Expr) throws(KernelError) -> ExprKind {
        switch e.node {
        case .int(let v):
            try checkLiteralRange(v, at: e.loc)
            return .constant
        case .float(let v):
            throw error("float literal \(v) in an index expression; indices, bounds and conditions are integers", at: e.loc)
        case .bool:
            return .bool
        case .read(let s, let idx):
            let i = try info(s, at: e.loc)
            switch i.type {
            case .size, .index, .bool:
                if !idx.isEmpty {
                    throw error("cannot index '\(s.name)', which is not a tensor", at: e.loc)
                }
                return i.type == .size ? .size : i.type == .bool ? .bool : .index
            case .scalar, .tensor:
                throw error("data value '\(s.name)' cannot be used in an index expression; indices, loop bounds and conditions are built from sizes, loop variables and literals", at: e.loc)
            }
        case .unary(.neg, let a):
            let k = try indexKind(a)
            guard k.isInteger else { throw error("cannot negate \(k.phrase)", at: e.loc) }
            return k == .constant ? .constant : .index
        case .unary(.not, let a):
            let k = try indexKind(a)
            guard k == .bool else { throw error("'not' expects a bool operand, found \(k.phrase)", at: a.loc) }
            return .bool
        case .binary(let op, let a, let b):
            return try binaryIndexKind(op, a, b, at: e.loc)
        case .stride(let s, let d):
            let i = try info(s, at: e.loc)
            guard case .tensor(_, let shape, _) = i.type else {
                throw error("stride(\(s.name), \(d)) needs a tensor or window, but '\(s.name)' is \(i.type.exoText)", at: e.loc)
            }
            guard d >= 0 && d < shape.count else {
                throw error("stride(\(s.name), \(d)): dimension \(d) is out of range for '\(s.name)' (\(i.type.exoText))", at: e.loc)
            }
            return .stride
        case .window:
            throw misplacedWindow(e)
        }
    }

    /// Index arithmetic is `int_fast32_t` in the generated C (32 bits on RV32)
    /// and data arithmetic is 32-bit: a wider literal would silently wrap.
    private func checkLiteralRange(_ v: Int, at loc: SourceLocation) throws(KernelError) {
        guard Int32(exactly: v) != nil else {
            throw error("integer literal \(v) does not fit in 32 bits (index and data arithmetic are 32-bit in the generated C)", at: loc)
        }
    }

    func misplacedWindow(_ e: Expr) -> KernelError {
        error("a window expression is only allowed as a call argument or in a window definition 'w = x[0:4, i]'", at: e.loc)
    }

    private func binaryIndexKind(_ op: BinaryOp, _ a: Expr, _ b: Expr, at loc: SourceLocation) throws(KernelError) -> ExprKind {
        let ka = try indexKind(a)
        let kb = try indexKind(b)
        if op.isLogical {
            for (k, x) in [(ka, a), (kb, b)] where k != .bool {
                throw error("'\(op.rawValue)' expects bool operands, found \(k.phrase)", at: x.loc)
            }
            return .bool
        }
        if op.isComparison {
            if op == .eq || op == .ne {
                if ka == .bool && kb == .bool { return .bool }
                if ka == .stride || kb == .stride {
                    for (k, x) in [(ka, a), (kb, b)] where k != .stride && k != .constant {
                        throw error("a stride can only be compared with a stride or an integer constant, found \(k.phrase)", at: x.loc)
                    }
                    return .bool
                }
            }
            for (k, x) in [(ka, a), (kb, b)] where !k.isInteger {
                throw error("'\(op.rawValue)' compares integer index expressions, found \(k.phrase)", at: x.loc)
            }
            return .bool
        }
        for (k, x) in [(ka, a), (kb, b)] where !k.isInteger {
            throw error("cannot use \(k.phrase) in index arithmetic ('\(op.rawValue)')", at: x.loc)
        }
        switch op {
        case .mul:
            if ka != .constant && kb != .constant {
                throw error("cannot multiply two non-constant index expressions (the result would not be affine)", at: loc)
            }
        case .div, .mod:
            guard kb == .constant, let v = b.foldedConstant else {
                throw error("cannot divide or take the modulo by a non-constant value", at: b.loc)
            }
            if v <= 0 {
                throw error("cannot divide or take the modulo by zero or a negative value", at: b.loc)
            }
        default: break
        }
        if ka == .constant && kb == .constant { return .constant }
        if ka == .index || kb == .index { return .index }
        return .size
    }

    /// Element type of a data expression (nil when it is made of literals only).
    public func dataKind(_ e: Expr) throws(KernelError) -> ScalarType? {
        switch e.node {
        case .int(let v):
            try checkLiteralRange(v, at: e.loc)
            return nil
        case .float:
            return nil
        case .bool:
            throw error("expected a data value, found a bool literal", at: e.loc)
        case .read(let s, let idx):
            let i = try info(s, at: e.loc)
            switch i.type {
            case .size, .index, .bool:
                let what = i.role == .loopVariable ? "loop variable" : "\(i.type.exoText) argument"
                throw error("'\(s.name)' (a \(what)) cannot be used as a data value; data expressions read tensors and scalars", at: e.loc)
            case .scalar(let el):
                if !idx.isEmpty {
                    throw error("'\(s.name)' is a scalar and cannot be indexed", at: e.loc)
                }
                return el
            case .tensor(let el, let shape, _):
                if idx.count != shape.count {
                    throw error("expected \(indexCount(shape.count)) for '\(s.name)' (\(i.type.exoText)), found \(idx.count)", at: e.loc)
                }
                try checkIndices(idx, of: s.name)
                return el
            }
        case .unary(.neg, let a):
            return try dataKind(a)
        case .unary(.not, _):
            throw error("'not' applies to conditions, not to data values", at: e.loc)
        case .binary(let op, let a, let b):
            if op.isComparison || op.isLogical {
                throw error("'\(op.rawValue)' on data values is not supported; conditions are index expressions", at: e.loc)
            }
            if op == .mod {
                throw error("cannot compute the modulo of data values", at: e.loc)
            }
            return ScalarType.wider(try dataKind(a), try dataKind(b))
        case .stride:
            throw error("stride(...) is not a data value", at: e.loc)
        case .window:
            throw misplacedWindow(e)
        }
    }

    /// Type of `base[accesses]` as a window, and the memory it views.
    public func windowType(_ base: Sym, _ accesses: [WindowAccess], at loc: SourceLocation) throws(KernelError) -> (DataType, MemoryName?) {
        let i = try info(base, at: loc)
        guard case .tensor(let el, let shape, _) = i.type else {
            throw error("cannot take a window of '\(base.name)', which is \(i.type.exoText), not a tensor", at: loc)
        }
        guard accesses.count == shape.count else {
            throw error("expected \(indexCount(shape.count)) in the window of '\(base.name)' (\(i.type.exoText)), found \(accesses.count)", at: loc)
        }
        for a in accesses {
            for x in a.exprs {
                let k = try indexKind(x)
                guard k.isInteger else {
                    throw error("a window bound of '\(base.name)' must be an integer index expression, found \(k.phrase)", at: x.loc)
                }
            }
        }
        return (.tensor(el, shape: WindowShape.shape(of: accesses), isWindow: true), i.memory)
    }
}

extension ScalarType {
    /// The type arithmetic on two data values produces (i8 < i16 < i32 < f32);
    /// an untyped literal takes the other operand's type.
    public static func wider(_ a: ScalarType?, _ b: ScalarType?) -> ScalarType? {
        guard let a else { return b }
        guard let b else { return a }
        let rank: [ScalarType: Int] = [.i8: 0, .i16: 1, .i32: 2, .f32: 3]
        return (rank[a] ?? 0) >= (rank[b] ?? 0) ? a : b
    }
}

/// "1 index", "3 indices".
func indexCount(_ n: Int) -> String { n == 1 ? "1 index" : "\(n) indices" }
