/// Light constant folding of index expressions, so generated offsets read
/// `4 * i + j` rather than `i * (4 * 1) + j * 1 + 0`.
enum ExprFolding {
    static func fold(_ e: Expr) -> Expr {
        e.transformed { e in
            guard case .binary(let op, let a, let b) = e.node else { return e }
            if let x = a.intValue, let y = b.intValue {
                // An overflowing fold is left as written (code generation then refuses its constants).
                let r: (partialValue: Int, overflow: Bool)
                switch op {
                case .add: r = x.addingReportingOverflow(y)
                case .sub: r = x.subtractingReportingOverflow(y)
                case .mul: r = x.multipliedReportingOverflow(by: y)
                default: return e
                }
                return r.overflow ? e : Expr(.int(r.partialValue), at: e.loc)
            }
            switch op {
            case .add:
                if a.intValue == 0 { return b }
                if b.intValue == 0 { return a }
            case .sub:
                if b.intValue == 0 { return a }
            case .mul:
                if a.intValue == 1 { return b }
                if b.intValue == 1 { return a }
                if a.intValue == 0 || b.intValue == 0 { return Expr(.int(0), at: e.loc) }
            case .div:
                if b.intValue == 1 { return a }
            default: break
            }
            return e
        }
    }

    /// Σ idx[d] * strides[d], folded.
    static func offset(_ idx: [Expr], _ strides: [Expr]) -> Expr {
        var acc: Expr = .int(0)
        for (i, s) in zip(idx, strides) { acc = Expr(.binary(.add, acc, Expr(.binary(.mul, i, s)))) }
        return fold(acc)
    }

    /// Row-major strides of a dense tensor with `shape`.
    static func denseStrides(_ shape: [Expr]) -> [Expr] {
        var out = [Expr](repeating: .int(1), count: shape.count)
        var s: Expr = .int(1)
        for d in shape.indices.reversed() {
            out[d] = s
            s = fold(Expr(.binary(.mul, shape[d], s)))
        }
        return out
    }
}
