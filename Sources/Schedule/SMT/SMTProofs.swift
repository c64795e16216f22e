/// A half-open integer range `[lo, hi)`, one dimension of a region of a tensor.
public struct SMTRange: Hashable, Sendable {
    public var lo: SMTTerm
    public var hi: SMTTerm
    public init(_ lo: SMTTerm, _ hi: SMTTerm) {
        self.lo = lo
        self.hi = hi
    }
    /// The single point `[i, i + 1)`.
    public static func point(_ i: SMTTerm) -> SMTRange { SMTRange(i, i + .int(1)) }
}

/// The claims rewrites need most, phrased once.
extension SMTContext {
    /// `a == b` whenever the facts hold.
    public func proveEqual(_ a: SMTTerm, _ b: SMTTerm, assuming facts: [SMTTerm] = []) -> ProofResult {
        prove(.eq(a, b), assuming: facts)
    }

    /// `k` divides `e` (`e % k == 0`) whenever the facts hold.
    public func proveDivides(_ k: Int, _ e: SMTTerm, assuming facts: [SMTTerm] = []) -> ProofResult {
        prove(.eq(.floorMod(e, .int(k)), .int(0)), assuming: facts)
    }

    /// The boxes `a` and `b` (one half-open range per dimension, same rank)
    /// share no point whenever the facts hold: in some dimension one range
    /// ends before the other starts, or a range is empty.
    public func proveDisjoint(_ a: [SMTRange], _ b: [SMTRange], assuming facts: [SMTTerm] = []) -> ProofResult {
        guard a.count == b.count else { return .unknown("regions of different ranks (\(a.count) and \(b.count))") }
        let separated = zip(a, b).map { x, y in
            SMTTerm.le(x.hi, y.lo) || .le(y.hi, x.lo) || .le(x.hi, x.lo) || .le(y.hi, y.lo)
        }
        return prove(.or(separated), assuming: facts)
    }

    /// Every pair of the ranges is disjoint (e.g. the iterations of a split loop).
    public func proveDisjoint(_ ranges: [SMTRange], assuming facts: [SMTTerm] = []) -> ProofResult {
        for x in ranges.indices {
            for y in ranges.indices where y > x {
                let r = proveDisjoint([ranges[x]], [ranges[y]], assuming: facts)
                if r != .proved { return r }
            }
        }
        return .proved
    }

    /// A control expression of the IR (`n % 4 == 0`, `i + 1 < n`) proved under
    /// the assumptions of its program point.
    public func prove(_ claim: Expr, in scope: Assumptions) throws(SMTTranslationError) -> ProofResult {
        prove(try scope.condition(claim), assuming: scope.facts)
    }
}
