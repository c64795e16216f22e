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

    /// Composes forwardings: first `a`, then `b`.
    static func then(_ a: @escaping Forwarding, _ b: @escaping Forwarding) -> Forwarding {
        { p in a(p).flatMap(b) }
    }
}

extension Forward {
    /// Moves places inside block `bi` of the statement at `from` to block
    /// `bq` of the statement at `to` (empty path: the proc body), shifting
    /// statement indices by `offset`. Only statements in `range` (old
    /// indices) move; nil for places outside it.
    static func movingBlock(from: [TreeStep], _ bi: Int, to: [TreeStep], _ bq: Int, offset: Int,
                            range: Range<Int>? = nil) -> @Sendable (Place) -> Place? {
        { p in
            if p.owner.count > from.count, p.owner[from.count].block == bi, Array(p.owner.prefix(from.count)) == from {
                let m = p.owner[from.count].index
                guard range?.contains(m) ?? true else { return nil }
                var q = p
                q.owner = to + [TreeStep(block: bq, index: m + offset)] + p.owner.dropFirst(from.count + 1)
                return q
            }
            guard p.owner == from, p.block == bi else { return nil }
            if let range {
                if p.kind == .gap {
                    guard p.lo >= range.lowerBound, p.lo <= range.upperBound else { return nil }
                } else {
                    guard p.lo >= range.lowerBound, p.hi <= range.upperBound else { return nil }
                }
            }
            var q = p
            q.owner = to
            q.block = bq
            q.lo += offset
            q.hi += offset
            return q
        }
    }

    /// The first of several candidate mappings that applies.
    static func firstOf(_ fs: [@Sendable (Place) -> Place?]) -> @Sendable (Place) -> Place? {
        { p in
            for f in fs { if let q = f(p) { return q } }
            return nil
        }
    }

    /// Maps the statement at `path` itself (and expressions in it) to `to`; nil otherwise.
    static func node(_ path: [TreeStep], to: [TreeStep]?) -> @Sendable (Place) -> Place? {
        { p in
            guard p.kind == .statement || p.kind == .expression, p.stmtPath == path, let to else { return nil }
            var q = Place.node(to)
            if p.kind == .expression { q.kind = .expression; q.exprPath = p.exprPath }
            return q
        }
    }
}
