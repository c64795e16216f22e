/// Simplifies index (control) expressions: constant folding, collecting
/// linear terms into the affine normal form, and floor division / modulo by
/// constants, exact when the remainder's range (from the loop ranges in
/// `ranges`) stays within one multiple of the divisor:
/// `(4 * io + ii) / 4` becomes `io` when `0 <= ii < 4`.
/// Data expressions are left alone except for their index sub-expressions.
struct IndexSimplifier {
    /// Known ranges of control variables (loop variables, sizes).
    var ranges: [Sym: Interval] = [:]
    /// Data symbols (scalars and tensors): reads of them are never affine atoms.
    var dataSymbols: Set<Sym> = []

    func simplify(_ e: Expr) -> Expr {
        var out: Expr
        switch e.node {
        case .int, .float, .bool, .stride:
            return e
        case .read(let s, let idx):
            if idx.isEmpty { return e }
            out = Expr(.read(s, idx.map(simplify)), at: e.loc)
        case .window(let s, let acc):
            out = Expr(.window(s, acc.map { $0.mapExprs(simplify) }), at: e.loc)
        case .unary(.neg, let a):
            if let f = affine(e) { out = f.expr } else {
                let sa = simplify(a)
                switch sa.node {
                case .int(let v) where v != Int.min: out = .int(-v)
                case .float(let v): out = Expr(.float(-v))
                default: out = Expr(.unary(.neg, sa))
                }
            }
        case .unary(.not, let a):
            let sa = simplify(a)
            switch sa.node {
            case .bool(let b): out = Expr(.bool(!b))
            case .unary(.not, let inner): out = inner
            default: out = Expr(.unary(.not, sa))
            }
        case .binary(let op, let a, let b):
            switch op {
            case .add, .sub, .mul, .div, .mod:
                if let f = affine(e) { out = f.expr } else { out = Expr(.binary(op, simplify(a), simplify(b))) }
            case .lt, .le, .gt, .ge, .eq, .ne:
                out = simplifyComparison(op, simplify(a), simplify(b))
            case .and, .or:
                out = simplifyLogical(op, simplify(a), simplify(b))
            }
        }
        out.loc = e.loc
        return out
    }

    /// The affine normal form of a control expression, nil for data or boolean
    /// expressions and when the form's arithmetic overflows Int.
    func affine(_ e: Expr) -> AffineForm? {
        guard let f = unguardedAffine(e), !f.overflowed else { return nil }
        return f
    }

    private func unguardedAffine(_ e: Expr) -> AffineForm? {
        switch e.node {
        case .int(let v): return .constant(v)
        case .read(let s, let idx):
            return idx.isEmpty && !dataSymbols.contains(s) ? .atom(Expr.variable(s)) : nil
        case .stride: return .atom(Expr(e.node))
        case .unary(.neg, let a): return affine(a).map { -$0 }
        case .binary(.add, let a, let b):
            guard let fa = affine(a), let fb = affine(b) else { return nil }
            return fa + fb
        case .binary(.sub, let a, let b):
            guard let fa = affine(a), let fb = affine(b) else { return nil }
            return fa - fb
        case .binary(.mul, let a, let b):
            guard let fa = affine(a), let fb = affine(b) else { return nil }
            if let k = fa.constantValue { return fb.scaled(by: k) }
            if let k = fb.constantValue { return fa.scaled(by: k) }
            return .atom(fa.expr * fb.expr)
        case .binary(let op, let a, let b) where op == .div || op == .mod:
            guard let fa = affine(a), let fb = affine(b) else { return nil }
            guard let c = fb.constantValue, c > 0 else {
                return .atom(Expr(.binary(op, fa.expr, fb.expr)))
            }
            return divideOrModulo(op, fa, c)
        default:
            return nil
        }
    }

    /// `(c*q + r) / c == q + r / c` and `(c*q + r) % c == r % c` hold exactly
    /// for floor semantics; when r's range lies in [c*t, c*t + c) they fold further.
    private func divideOrModulo(_ op: BinaryOp, _ f: AffineForm, _ c: Int) -> AffineForm {
        if c == 1 { return op == .div ? f : .constant(0) }
        let (q, r) = f.divided(by: c)
        let rr = r.range(atomRange)
        if let lo = rr.lo, let hi = rr.hi, floorDivide(lo, c) == floorDivide(hi, c) {
            let t = floorDivide(lo, c)
            let (ct, o) = c.multipliedReportingOverflow(by: t)
            if op == .div { return q + .constant(t) }
            if !o { return r - .constant(ct) }
            var failed = r
            failed.overflowed = true
            return failed
        }
        if op == .div {
            return q + .atom(Expr(.binary(.div, r.expr, .int(c))))
        }
        return .atom(Expr(.binary(.mod, r.expr, .int(c))))
    }

    /// Range of an affine atom under `ranges`.
    func atomRange(_ atom: Expr) -> Interval {
        switch atom.node {
        case .read(let s, let idx) where idx.isEmpty: return ranges[s] ?? .unbounded
        case .binary(.div, let a, let b):
            guard let c = b.intValue, c > 0, let fa = affine(a) else { return .unbounded }
            return fa.range(atomRange).floorDiv(c)
        case .binary(.mod, _, let b):
            guard let c = b.intValue, c > 0 else { return .unbounded }
            return Interval(lo: 0, hi: c - 1)
        default: return .unbounded
        }
    }

    /// Range of any control expression (unbounded when not affine).
    func range(of e: Expr) -> Interval {
        affine(e)?.range(atomRange) ?? .unbounded
    }

    private func simplifyComparison(_ op: BinaryOp, _ a: Expr, _ b: Expr) -> Expr {
        if let fa = affine(a), let fb = affine(b) {
            let d = (fa - fb).range(atomRange)
            if let decided = Self.decide(op, d) { return Expr(.bool(decided)) }
        }
        if op == .eq, a == b { return Expr(.bool(true)) }
        if op == .ne, a == b { return Expr(.bool(false)) }
        return Expr(.binary(op, a, b))
    }

    /// Decides `d op 0` from the range of d when the whole range agrees.
    static func decide(_ op: BinaryOp, _ d: Interval) -> Bool? {
        func all(_ p: (Int) -> Bool, _ v: Int?) -> Bool { v.map(p) ?? false }
        switch op {
        case .lt: if all({ $0 < 0 }, d.hi) { return true }; if all({ $0 >= 0 }, d.lo) { return false }
        case .le: if all({ $0 <= 0 }, d.hi) { return true }; if all({ $0 > 0 }, d.lo) { return false }
        case .gt: if all({ $0 > 0 }, d.lo) { return true }; if all({ $0 <= 0 }, d.hi) { return false }
        case .ge: if all({ $0 >= 0 }, d.lo) { return true }; if all({ $0 < 0 }, d.hi) { return false }
        case .eq:
            if d.lo == 0 && d.hi == 0 { return true }
            if all({ $0 > 0 }, d.lo) || all({ $0 < 0 }, d.hi) { return false }
        case .ne:
            if d.lo == 0 && d.hi == 0 { return false }
            if all({ $0 > 0 }, d.lo) || all({ $0 < 0 }, d.hi) { return true }
        default: break
        }
        return nil
    }

    private func simplifyLogical(_ op: BinaryOp, _ a: Expr, _ b: Expr) -> Expr {
        switch (op, a.node, b.node) {
        case (.and, .bool(false), _), (.and, _, .bool(false)): return Expr(.bool(false))
        case (.and, .bool(true), _): return b
        case (.and, _, .bool(true)): return a
        case (.or, .bool(true), _), (.or, _, .bool(true)): return Expr(.bool(true))
        case (.or, .bool(false), _): return b
        case (.or, _, .bool(false)): return a
        default: return Expr(.binary(op, a, b))
        }
    }
}
