/// A conservative interval analysis of index expressions, so `/` and `%`
/// become plain C operators when the dividend is provably non-negative and
/// the divisor positive (otherwise the floor helpers keep Exo's semantics).
struct IndexRanges {
    struct Range {
        var lo: Int?
        var hi: Int?
        static let unknown = Range(lo: nil, hi: nil)
    }

    private var ranges: [Sym: Range] = [:]

    mutating func set(_ s: Sym, _ r: Range) { ranges[s] = r }

    func range(_ e: Expr) -> Range {
        switch e.node {
        case .int(let v): return Range(lo: v, hi: v)
        case .read(let s, let idx) where idx.isEmpty: return ranges[s] ?? .unknown
        case .stride: return Range(lo: 0, hi: nil)
        case .unary(.neg, let a):
            let r = range(a)
            return Range(lo: negate(r.hi), hi: negate(r.lo))
        case .binary(let op, let a, let b):
            let x = range(a), y = range(b)
            switch op {
            case .add: return Range(lo: add(x.lo, y.lo), hi: add(x.hi, y.hi))
            case .sub: return Range(lo: add(x.lo, negate(y.hi)), hi: add(x.hi, negate(y.lo)))
            case .mul:
                // Only the common case: both sides non-negative.
                if let xl = x.lo, let yl = y.lo, xl >= 0, yl >= 0, let lo = mul(xl, yl) {
                    return Range(lo: lo, hi: mul(x.hi, y.hi))
                }
                return .unknown
            case .div, .mod:
                if let xl = x.lo, xl >= 0, let yl = y.lo, yl > 0 {
                    return Range(lo: 0, hi: op == .div ? x.hi : y.hi.map { $0 - 1 })
                }
                return .unknown
            default: return .unknown
            }
        default: return .unknown
        }
    }

    /// True when `a / b` and `a % b` agree in C and in Python.
    func isPlainDivision(_ a: Expr, _ b: Expr) -> Bool {
        guard let al = range(a).lo, al >= 0, let bl = range(b).lo, bl > 0 else { return false }
        return true
    }

    /// nil (unbounded) for an unbounded end and for Int.min, which has no negation in Int.
    private func negate(_ a: Int?) -> Int? {
        guard let a, a != Int.min else { return nil }
        return -a
    }

    private func add(_ a: Int?, _ b: Int?) -> Int? {
        guard let a, let b else { return nil }
        let r = a.addingReportingOverflow(b)
        return r.overflow ? nil : r.partialValue
    }

    private func mul(_ a: Int?, _ b: Int?) -> Int? {
        guard let a, let b else { return nil }
        let r = a.multipliedReportingOverflow(by: b)
        return r.overflow ? nil : r.partialValue
    }
}
