/// Shapes of window expressions: each interval `lo:hi` gives a dimension of
/// extent `hi - lo`; points drop their dimension.
public enum WindowShape {
    /// `hi - lo`, as a literal when the difference is constant (`4*i:4*i+4`
    /// gives 4), as `hi` when lo is 0, otherwise as the subtraction.
    public static func extent(lo: Expr, hi: Expr) -> Expr {
        if let h = AffineForm(linear: hi), let l = AffineForm(linear: lo), let c = (h - l).constantValue {
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
