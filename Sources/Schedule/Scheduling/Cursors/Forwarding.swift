/// How a rewrite moves the places of the proc it rewrote; nil means the
/// target no longer exists.
typealias Forwarding = @Sendable (Place) -> Place?

enum Forward {
    static let identity: Forwarding = { $0 }

    /// Forwarding for a rewrite that replaces statements `range` of one block
    /// by `newCount` statements. Places before the range are unchanged, places
    /// after it shift, and places touching the range are mapped by `inside`
    /// (which returns nil for targets the rewrite removed).
    static func replacing(owner: [TreeStep], block: Int, range: Range<Int>, newCount: Int,
                          inside: @escaping @Sendable (Place) -> Place?) -> Forwarding {
        let delta = newCount - range.count
        let depth = owner.count
        return { p in
            // A place below one of this block's statements.
            if p.owner.count > depth, p.owner[depth].block == block, Array(p.owner.prefix(depth)) == owner {
                let k = p.owner[depth].index
                if k < range.lowerBound { return p }
                if k >= range.upperBound {
                    var q = p
                    q.owner[depth].index += delta
                    return q
                }
                return inside(p)
            }
            guard p.owner == owner, p.block == block else { return p }
            var q = p
            switch p.kind {
            case .gap:
                if p.lo <= range.lowerBound { return p }
                if p.lo >= range.upperBound { q.lo += delta; q.hi += delta; return q }
                return inside(p)
            case .statement, .expression:
                if p.lo < range.lowerBound { return p }
                if p.lo >= range.upperBound { q.lo += delta; q.hi += delta; return q }
                return inside(p)
            case .block:
                if range.isEmpty {
                    let a = range.lowerBound
                    if p.hi <= a { return p }
                    if p.lo >= a { q.lo += delta; q.hi += delta; return q }
                    q.hi += delta
                    return q
                }
                if p.hi <= range.lowerBound { return p }
                if p.lo >= range.upperBound { q.lo += delta; q.hi += delta; return q }
                if p.lo <= range.lowerBound && p.hi >= range.upperBound && (p.lo, p.hi) != (range.lowerBound, range.upperBound) {
                    q.hi += delta
                    return q
                }
                return inside(p)
            }
        }
    }

    /// Places strictly inside the statement at `from` move under `to`; the
    /// statement itself maps to `itself` (nil: removed).
    static func subtree(from: [TreeStep], to: [TreeStep], itself: Place?) -> @Sendable (Place) -> Place? {
        { p in
            if let q = p.rerooted(from: from, to: to) { return q }
            if p.owner == Array(from.dropLast()), let last = from.last, p.block == last.block,
               p.lo == last.index, p.kind == .statement || p.kind == .expression {
                guard var it = itself else { return nil }
                if p.kind == .expression { it.kind = .expression; it.exprPath = p.exprPath }
                return it
            }
            return nil
        }
    }

    /// Composes forwardings: first `a`, then `b`.
    static func then(_ a: @escaping Forwarding, _ b: @escaping Forwarding) -> Forwarding {
        { p in a(p).flatMap(b) }
    }
}
