/// Shapes of window expressions: each interval `lo:hi` gives a dimension of
/// extent `hi - lo`; points drop their dimension.
public enum WindowShape {
    /// `hi - lo`, as a literal when the difference is constant (`4*i:4*i+4`
    /// gives 4), as `hi` when lo is 0, otherwise as the subtraction.
    public static func extent(lo: Expr, hi: Expr) -> Expr {
        if let h = LinearIndexForm(hi), let l = LinearIndexForm(lo), let c = h.minus(l).constantValue {
            return Expr(.int(c), at: hi.loc)
        }
        if lo.foldedConstant == 0 { return hi }
        return Expr(.binary(.sub, hi, lo), at: hi.loc)
    }

    /// The dimensions of `x[accesses]`.
    public static func shape(of accesses: [WindowAccess]) -> [Expr] {
        accesses.compactMap { a in
            if case .interval(let lo, let hi) = a { return extent(lo: lo, hi: hi) }
            return nil
        }
    }
}

/// An integer expression as `constant + sum of coefficient * symbol`, when it
/// is affine (sums, differences, negations and products by a constant).
struct LinearIndexForm: Equatable {
    var constant: Int
    var terms: [Sym: Int]

    init?(_ e: Expr) {
        switch e.node {
        case .int(let v):
            constant = v
            terms = [:]
        case .read(let s, let idx) where idx.isEmpty:
            constant = 0
            terms = [s: 1]
        case .unary(.neg, let a):
            guard let f = LinearIndexForm(a) else { return nil }
            self = f.scaled(-1)
        case .binary(.add, let a, let b):
            guard let fa = LinearIndexForm(a), let fb = LinearIndexForm(b) else { return nil }
            self = fa.minus(fb.scaled(-1))
        case .binary(.sub, let a, let b):
            guard let fa = LinearIndexForm(a), let fb = LinearIndexForm(b) else { return nil }
            self = fa.minus(fb)
        case .binary(.mul, let a, let b):
            if let c = a.foldedConstant, let fb = LinearIndexForm(b) { self = fb.scaled(c) }
            else if let c = b.foldedConstant, let fa = LinearIndexForm(a) { self = fa.scaled(c) }
            else { return nil }
        default:
            guard let v = e.foldedConstant else { return nil }
            constant = v
            terms = [:]
        }
    }

    private init(constant: Int, terms: [Sym: Int]) {
        self.constant = constant
        self.terms = terms
    }

    func scaled(_ k: Int) -> LinearIndexForm {
        LinearIndexForm(constant: constant &* k, terms: terms.mapValues { $0 &* k }.filter { $0.value != 0 })
    }

    func minus(_ other: LinearIndexForm) -> LinearIndexForm {
        var t = terms
        for (s, c) in other.terms { t[s, default: 0] -= c }
        return LinearIndexForm(constant: constant &- other.constant, terms: t.filter { $0.value != 0 })
    }

    var constantValue: Int? { terms.isEmpty ? constant : nil }
}
