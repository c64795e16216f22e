/// The affine normal form of an integer index expression:
/// `c1 * a1 + c2 * a2 + ... + k`, where each atom is a variable, a stride,
/// or an opaque (already simplified) non-linear sub-expression such as
/// `n / 4` or `i * j`. Terms keep the order in which their atoms first
/// appear, so normalised expressions read like the source.
struct AffineForm: Hashable, Sendable {
    struct Term: Hashable, Sendable {
        var atom: Expr
        var coefficient: Int
    }
    var terms: [Term] = []
    var constant: Int = 0
    /// Set when a coefficient or the constant overflowed Int: the form no
    /// longer equals the expression (wrapping would be a silent wrong
    /// answer), so the simplifier leaves such an expression alone.
    var overflowed = false

    static func constant(_ k: Int) -> AffineForm { AffineForm(terms: [], constant: k) }
    static func atom(_ e: Expr) -> AffineForm { AffineForm(terms: [Term(atom: e, coefficient: 1)], constant: 0) }

    var isConstant: Bool { terms.isEmpty }
    var constantValue: Int? { terms.isEmpty && !overflowed ? constant : nil }

    static func + (a: AffineForm, b: AffineForm) -> AffineForm {
        var out = a
        for t in b.terms { out.add(t.atom, t.coefficient) }
        let (c, o) = out.constant.addingReportingOverflow(b.constant)
        out.constant = c
        out.overflowed = out.overflowed || b.overflowed || o
        return out
    }
    static prefix func - (a: AffineForm) -> AffineForm { a.scaled(by: -1) }
    static func - (a: AffineForm, b: AffineForm) -> AffineForm { a + (-b) }

    func scaled(by k: Int) -> AffineForm {
        if k == 0 { return overflowed ? self : .constant(0) }
        var out = AffineForm(overflowed: overflowed)
        for t in terms {
            let (c, o) = t.coefficient.multipliedReportingOverflow(by: k)
            out.terms.append(Term(atom: t.atom, coefficient: c))
            out.overflowed = out.overflowed || o
        }
        let (c, o) = constant.multipliedReportingOverflow(by: k)
        out.constant = c
        out.overflowed = out.overflowed || o
        return out
    }

    mutating func add(_ atom: Expr, _ k: Int) {
        if let i = terms.firstIndex(where: { $0.atom == atom }) {
            let (c, o) = terms[i].coefficient.addingReportingOverflow(k)
            terms[i].coefficient = c
            overflowed = overflowed || o
            if terms[i].coefficient == 0 { terms.remove(at: i) }
        } else if k != 0 {
            terms.append(Term(atom: atom, coefficient: k))
        }
    }

    /// The range of values under the given atom ranges.
    func range(_ atomRange: (Expr) -> Interval) -> Interval {
        if overflowed { return .unbounded }
        var r = Interval.point(constant)
        for t in terms { r = r + atomRange(t.atom).scaled(by: t.coefficient) }
        return r
    }

    /// Splits `self = c * quotient + remainder` with every remainder
    /// coefficient (and the constant) in [0, c).
    func divided(by c: Int) -> (quotient: AffineForm, remainder: AffineForm) {
        var q = AffineForm(overflowed: overflowed), r = AffineForm(overflowed: overflowed)
        for t in terms {
            q.add(t.atom, floorDivide(t.coefficient, c))
            r.add(t.atom, floorModulo(t.coefficient, c))
        }
        q.constant = floorDivide(constant, c)
        r.constant = floorModulo(constant, c)
        return (q, r)
    }

    /// Back to an expression: `4 * io + ii - 1`, coefficient first, constant last.
    var expr: Expr {
        var out: Expr? = nil
        for t in terms {
            // Int.min has no magnitude in Int: it keeps its sign and is added.
            let negative = t.coefficient < 0 && t.coefficient != Int.min
            let magnitude = negative ? -t.coefficient : t.coefficient
            let piece = magnitude == 1 ? t.atom : Expr.int(magnitude) * t.atom
            if let acc = out {
                out = negative ? acc - piece : acc + piece
            } else {
                out = negative ? Expr(.unary(.neg, piece)) : piece
            }
        }
        guard let acc = out else { return .int(constant) }
        if constant < 0 && constant != Int.min { return acc - .int(-constant) }
        if constant != 0 { return acc + .int(constant) }
        return acc
    }
}

extension AffineForm {
    /// The strictly linear reading of `e`: literals and constant folds,
    /// variables, and sums, differences, negations and products by a constant
    /// of those; nil for anything else (no opaque atoms), so two forms differ
    /// by a constant only when the expressions provably do.
    init?(linear e: Expr) {
        switch e.node {
        case .int(let v):
            self = .constant(v)
        case .read(let s, let idx) where idx.isEmpty:
            self = .atom(.variable(s))
        case .unary(.neg, let a):
            guard let f = AffineForm(linear: a) else { return nil }
            self = -f
        case .binary(.add, let a, let b):
            guard let fa = AffineForm(linear: a), let fb = AffineForm(linear: b) else { return nil }
            self = fa + fb
        case .binary(.sub, let a, let b):
            guard let fa = AffineForm(linear: a), let fb = AffineForm(linear: b) else { return nil }
            self = fa - fb
        case .binary(.mul, let a, let b):
            if let c = a.foldedConstant, let fb = AffineForm(linear: b) { self = fb.scaled(by: c) }
            else if let c = b.foldedConstant, let fa = AffineForm(linear: a) { self = fa.scaled(by: c) }
            else { return nil }
        default:
            guard let v = e.foldedConstant else { return nil }
            self = .constant(v)
        }
        if overflowed { return nil }
    }
}
