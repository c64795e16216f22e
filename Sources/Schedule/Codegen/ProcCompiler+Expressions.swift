/// C text of index, condition and data expressions, element accesses and windows.
extension ProcCompiler {
    /// C operator precedence (higher binds tighter); 8 is an atom.
    static func cPrecedence(_ op: BinaryOp) -> Int {
        switch op {
        case .or: 1
        case .and: 2
        case .eq, .ne: 3
        case .lt, .le, .gt, .ge: 4
        case .add, .sub: 5
        case .mul, .div, .mod: 6
        }
    }

    static func cOperator(_ op: BinaryOp) -> String {
        switch op {
        case .and: "&&"
        case .or: "||"
        default: op.rawValue
        }
    }

    private func paren(_ text: String, _ prec: Int, _ outer: Int) -> String { prec < outer ? "(\(text))" : text }

    /// True when `e` names only control values: it is an index expression
    /// even where data is expected (the interpreter decides the same way).
    func isControl(_ e: Expr) -> Bool {
        switch e.node {
        case .int, .stride: return true
        case .float, .bool, .window: return false
        case .read(let s, let idx): return idx.isEmpty && vars[s]?.kind == .control
        case .unary(_, let a): return isControl(a)
        case .binary(_, let a, let b): return isControl(a) && isControl(b)
        }
    }

    // MARK: index and condition expressions

    func control(_ e: Expr, _ outer: Int = 0) throws(KernelError) -> String {
        switch e.node {
        case .int(let v):
            // int_fast32_t is only 32 bits on RV32: a wider constant (a folded
            // product, a huge shape's stride) would silently wrap there.
            guard Int32(exactly: v) != nil else {
                throw KernelError(.codegen, "the index constant \(v) does not fit in 32 bits, the width of the C index type int_fast32_t on RV32", at: e.loc)
            }
            return v < 0 ? paren(String(v), 7, outer) : String(v)
        case .bool(let b): return b ? "true" : "false"
        case .read(let s, let idx):
            guard idx.isEmpty, let v = vars[s], v.kind == .control else {
                throw KernelError(.codegen, "'\(MessageText.expr(e))' is data, not an index or condition", at: e.loc)
            }
            usedSyms.insert(s)
            return v.cName
        // The operand of a unary operator is an atom or parenthesized, so `-(-5)` never reads `--5`.
        case .unary(.neg, let a): return paren("-" + (try control(a, 8)), 7, outer)
        case .unary(.not, let a): return paren("!" + (try control(a, 8)), 7, outer)
        case .binary(let op, let a, let b) where op.isComparison && a == b:
            // `i == i` is decided here: C compilers warn about self-comparisons.
            return [.eq, .le, .ge].contains(op) ? "true" : "false"
        case .binary(let op, let a, let b):
            if op == .div || op == .mod, !ranges.isPlainDivision(a, b) {
                let helper = op == .div ? "exo_floor_div" : "exo_floor_mod"
                helpers.insert(helper)
                return "\(helper)(\(try control(a)), \(try control(b)))"
            }
            let p = Self.cPrecedence(op)
            // Index + and - regroup freely (`a + (b - c)` is `a + b - c`), so the right
            // operand of + needs no parentheses; * does not regroup with / and %.
            var leftPrec = p, rightPrec = op == .add ? p : p + 1
            // Parenthesize what -Wparentheses asks for: `&&` inside `||`, and a
            // comparison or `!` as the operand of a comparison.
            if op == .or { leftPrec = 3; rightPrec = 3 }
            if op.isComparison { leftPrec = 5; rightPrec = 5 }
            let left = try operand(a, leftPrec, notNeedsParens: op.isComparison)
            let right = try operand(b, rightPrec, notNeedsParens: op.isComparison)
            return paren("\(left) \(Self.cOperator(op)) \(right)", p, outer)
        case .stride(let s, let d):
            return try strideText(s, d, outer, at: e.loc)
        case .float, .window:
            throw KernelError(.codegen, "'\(MessageText.expr(e))' is not an index expression", at: e.loc)
        }
    }

    private func operand(_ e: Expr, _ prec: Int, notNeedsParens: Bool) throws(KernelError) -> String {
        if notNeedsParens, case .unary(.not, _) = e.node { return "(\(try control(e)))" }
        return try control(e, prec)
    }

    private func strideText(_ s: Sym, _ d: Int, _ outer: Int, at loc: SourceLocation) throws(KernelError) -> String {
        guard let v = vars[s], v.kind == .dense || v.kind == .window, d >= 0, d < v.shape.count else {
            throw KernelError(.codegen, "stride(\(s.name), \(d)) names no dimension of a tensor", at: loc)
        }
        usedSyms.insert(s)
        if v.kind == .window {
            if let c = knownStrides[s]?[d] { return String(c) }
            return "\(v.cName).strides[\(d)]"
        }
        return try control(strides(s, v)[d], outer)
    }

    /// Strides of each dimension of a tensor variable, as kernel expressions.
    func strides(_ s: Sym, _ v: CVar) -> [Expr] {
        if v.kind == .window {
            return v.shape.indices.map { d in knownStrides[s]?[d].map { Expr.int($0) } ?? Expr(.stride(s, d)) }
        }
        if let cached = denseStrides[s] { return cached }
        let computed = ExprFolding.denseStrides(v.shape)
        denseStrides[s] = computed
        return computed
    }

    // MARK: element access

    /// The C lvalue of `x[idx]` (or of the scalar `x`).
    func access(_ v: CVar, _ s: Sym, _ idx: [Expr], at loc: SourceLocation) throws(KernelError) -> String {
        usedSyms.insert(s)
        switch v.kind {
        case .scalarLocal, .scalarPointer:
            guard idx.isEmpty else { throw KernelError(.codegen, "scalar '\(s.name)' cannot be indexed", at: loc) }
            return v.kind == .scalarLocal ? v.cName : "*\(v.cName)"
        case .dense, .window:
            guard idx.count == v.shape.count else {
                throw KernelError(.codegen, "'\(s.name)' has \(v.shape.count) dimensions but is accessed with \(idx.count) indices", at: loc)
            }
            let offset: String
            do throws(KernelError) {
                offset = try control(ExprFolding.offset(idx, strides(s, v)))
            } catch {
                // The offset folds shape products the kernel never wrote: name the access.
                let shown = "\(s.name)[\(idx.map(MessageText.expr).joined(separator: ", "))]"
                throw KernelError(error.phase, "\(shown): \(error.message)", at: error.location.isKnown ? error.location : loc)
            }
            return v.kind == .dense ? "\(v.cName)[\(offset)]" : "\(v.cName).data[\(offset)]"
        case .control:
            throw KernelError(.codegen, "'\(s.name)' is not a data variable", at: loc)
        }
    }

    // MARK: data expressions

    /// C text and C type of a data expression (type nil: an index or integer literal).
    func data(_ e: Expr, _ outer: Int = 0) throws(KernelError) -> (text: String, type: ScalarType?) {
        if isControl(e) { return (try control(e, outer), nil) }
        switch e.node {
        case .float(let v): return (try floatLiteral(v, at: e.loc), .f32)
        case .read(let s, let idx):
            guard let v = vars[s], v.kind != .control else {
                throw KernelError(.codegen, "'\(s.name)' is not defined here", at: e.loc)
            }
            if let m = v.memory, !m.permissions.scalarReads {
                throw KernelError(.memory, "cannot read '\(MessageText.expr(e))' outside an instruction: memory \(m.name) permits no scalar reads", at: e.loc)
            }
            readSyms.insert(s)
            let text = try access(v, s, idx, at: e.loc)
            return (paren(text, 7, outer), v.elementType)
        case .unary(.neg, let a):
            let (t, ty) = try dataOperand(a, 8)
            return (paren("-" + t, 7, outer), promoted(ty, nil))
        case .binary(let op, let a, let b) where [.add, .sub, .mul, .div, .mod].contains(op):
            let p = Self.cPrecedence(op)
            let (ta, tya) = try dataOperand(a, p), (tb, tyb) = try dataOperand(b, p + 1)
            let ty = promoted(tya, tyb)
            if op == .mod && ty == .f32 {
                throw KernelError(.codegen, "'%' of f32 values has no C operator", at: e.loc)
            }
            return (paren("\(ta) \(op.rawValue) \(tb)", p, outer), ty)
        default:
            throw KernelError(.codegen, "'\(MessageText.expr(e))' is not a data expression", at: e.loc)
        }
    }

    /// An operand of a data operation. An index subexpression is cast to int32_t:
    /// int_fast32_t may be 64 bits wide (x86-64), and data arithmetic must wrap
    /// at 32 bits before a `/` or `%`, as the interpreter's does.
    private func dataOperand(_ e: Expr, _ prec: Int) throws(KernelError) -> (text: String, type: ScalarType?) {
        if isControl(e), e.intValue == nil { return ("(int32_t)(\(try control(e)))", .i32) }
        return try data(e, prec)
    }

    /// C's usual arithmetic conversions: f32 wins, integers promote to int (i32).
    private func promoted(_ a: ScalarType?, _ b: ScalarType?) -> ScalarType {
        a == .f32 || b == .f32 ? .f32 : .i32
    }

    func floatLiteral(_ v: Double, at loc: SourceLocation) throws(KernelError) -> String {
        let f = Float(v)
        guard f.isFinite else { throw KernelError(.codegen, "float literal \(v) is not finite in f32", at: loc) }
        var text = "\(f)"
        if !text.contains(".") && !text.contains("e") { text += ".0" }
        return f < 0 ? "(\(text)f)" : text + "f"
    }

    /// The right side of `x = rhs`, converted to x's element type the way the
    /// interpreter stores it (an explicit cast, so narrowing never warns).
    func assignedValue(_ rhs: Expr, to t: ScalarType) throws(KernelError) -> String {
        // An integer literal stored to an integer element wraps to its width, as
        // the interpreter stores it (through a Double, a wide one would not).
        if t != .f32, let v = Self.integerLiteral(rhs) {
            let width = t.bitWidth
            let wrapped = Int(truncatingIfNeeded: v << (64 - width)) >> (64 - width)
            return wrapped == Int(Int32.min) ? "(-2147483647 - 1)" : String(wrapped)
        }
        var literal: Double? = nil
        switch rhs.node {
        case .int(let v): literal = Double(v)
        case .float(let v): literal = v
        case .unary(.neg, let a):
            if let v = a.intValue { literal = -Double(v) }
            if case .float(let v) = a.node { literal = -v }
        default: break
        }
        if let v = literal {
            if t == .f32 { return try floatLiteral(v, at: rhs.loc) }
            if v == v.rounded(), abs(v) < 9.0e15 {
                let i = Int(v)
                let limit = 1 << (t.bitWidth - 1)
                return i >= -limit && i < limit ? String(i) : "((\(t.cType)) \(i))"
            }
            return "((\(t.cType)) \(try floatLiteral(v, at: rhs.loc)))"
        }
        let (text, type) = try data(rhs)
        if type == t || (type == nil && t == .i32) { return text }
        return "(\(t.cType))(\(text))"
    }

    /// `5` or `-5` (negation wraps, as the interpreter's data negation does).
    static func integerLiteral(_ e: Expr) -> Int? {
        switch e.node {
        case .int(let v): return v
        case .unary(.neg, let a): return a.intValue.map { 0 &- $0 }
        default: return nil
        }
    }

    // MARK: windows

    struct Window {
        var source: CVar
        var sym: Sym
        /// C lvalue of the first element.
        var dataLValue: String
        var strides: [String]
        var shape: [Expr]
        var type: WindowStruct
        /// `(struct exo_win_2i32c){ &x[0], { 4, 1 } }`.
        var literal: String { "(struct \(type.name)){ &\(dataLValue), { \(strides.joined(separator: ", ")) } }" }
        /// True when the window covers the whole buffer.
        var isWhole: Bool
    }

    /// A whole tensor, a window `x[0:4, i]` or an element, as a window of its source.
    /// `isConst` nil: const exactly when the source is.
    func window(_ e: Expr, isConst: Bool?, at loc: SourceLocation) throws(KernelError) -> Window {
        let s: Sym
        var accesses: [WindowAccess]? = nil
        switch e.node {
        case .read(let x, let idx):
            s = x
            if !idx.isEmpty { accesses = idx.map { .point($0) } }
        case .window(let x, let acc):
            s = x
            accesses = acc
        default:
            throw KernelError(.codegen, "expected a tensor or window, got '\(MessageText.expr(e))'", at: loc)
        }
        guard let v = vars[s], v.kind == .dense || v.kind == .window || v.kind == .scalarLocal || v.kind == .scalarPointer else {
            throw KernelError(.codegen, "'\(s.name)' is not a tensor", at: loc)
        }
        usedSyms.insert(s)
        readSyms.insert(s)
        let acc = accesses ?? v.shape.map { .interval(.int(0), $0) }
        guard acc.count == v.shape.count else {
            throw KernelError(.codegen, "'\(s.name)' has \(v.shape.count) dimensions but the window has \(acc.count)", at: loc)
        }
        let allStrides = strides(s, v)
        var lows: [Expr] = [], newStrides: [String] = [], shape: [Expr] = []
        var whole = true
        for (d, a) in acc.enumerated() {
            switch a {
            case .point(let p):
                lows.append(p)
                whole = false
            case .interval(let lo, let hi):
                lows.append(lo)
                newStrides.append(try control(allStrides[d]))
                shape.append(ExprFolding.fold(Expr(.binary(.sub, hi, lo))))
                if lo.intValue != 0 || ExprFolding.fold(hi) != ExprFolding.fold(v.shape[d]) { whole = false }
            }
        }
        let lvalue: String
        switch v.kind {
        case .scalarLocal: lvalue = v.cName
        case .scalarPointer: lvalue = "*\(v.cName)"
        default: lvalue = try access(v, s, lows, at: loc)
        }
        let type = WindowStruct(elementType: v.elementType, rank: shape.count, isConst: isConst ?? v.isConstData)
        return Window(source: v, sym: s, dataLValue: lvalue, strides: newStrides, shape: shape, type: type, isWhole: whole)
    }
}
