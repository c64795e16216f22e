/// A closed integer interval with optional (infinite) ends, for range
/// reasoning over loop variables in the simplifier and the syntactic oracle.
struct Interval: Hashable, Sendable {
    var lo: Int?
    var hi: Int?

    static let unbounded = Interval(lo: nil, hi: nil)
    static func point(_ v: Int) -> Interval { Interval(lo: v, hi: v) }

    var isFinite: Bool { lo != nil && hi != nil }
    var isEmpty: Bool { if let lo, let hi { return lo > hi }; return false }
    /// Number of integers in the interval, nil when infinite.
    var count: Int? {
        guard let lo, let hi else { return nil }
        if hi < lo { return 0 }
        let (d, o1) = hi.subtractingReportingOverflow(lo)
        let (n, o2) = d.addingReportingOverflow(1)
        return o1 || o2 ? nil : n
    }

    static func + (a: Interval, b: Interval) -> Interval {
        Interval(lo: add(a.lo, b.lo), hi: add(a.hi, b.hi))
    }

    func scaled(by k: Int) -> Interval {
        if k == 0 { return .point(0) }
        let l = lo.flatMap { mul($0, k) }, h = hi.flatMap { mul($0, k) }
        return k > 0 ? Interval(lo: lo == nil ? nil : l, hi: hi == nil ? nil : h)
                     : Interval(lo: hi == nil ? nil : h, hi: lo == nil ? nil : l)
    }

    func intersected(_ o: Interval) -> Interval {
        Interval(lo: [lo, o.lo].compactMap { $0 }.max(), hi: [hi, o.hi].compactMap { $0 }.min())
    }

    /// Floor division by a positive constant.
    func floorDiv(_ c: Int) -> Interval {
        Interval(lo: lo.map { floorDivide($0, c) }, hi: hi.map { floorDivide($0, c) })
    }

    private static func add(_ a: Int?, _ b: Int?) -> Int? {
        guard let a, let b else { return nil }
        let (r, o) = a.addingReportingOverflow(b)
        return o ? nil : r
    }
    private func mul(_ a: Int, _ b: Int) -> Int? {
        let (r, o) = a.multipliedReportingOverflow(by: b)
        return o ? nil : r
    }
}

/// Floor division and non-negative modulo (the semantics of `/` and `%` on
/// index expressions, as in Exo and Python) for a positive divisor.
@inline(__always) func floorDivide(_ a: Int, _ c: Int) -> Int {
    let q = a / c
    return (a % c != 0 && (a < 0) != (c < 0)) ? q - 1 : q
}
@inline(__always) func floorModulo(_ a: Int, _ c: Int) -> Int { a - c * floorDivide(a, c) }
