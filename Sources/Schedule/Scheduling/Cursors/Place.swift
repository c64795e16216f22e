/// One step down the statement tree: statement `index` of block `block` of
/// the owner (block 0 of a loop is its body; an `if` has body 0 and orelse 1;
/// the proc body is block 0 of the empty owner path).
public struct TreeStep: Hashable, Sendable {
    public var block: Int
    public var index: Int
    public init(block: Int, index: Int) { self.block = block; self.index = index }
}

/// Where a cursor points: the half-open range `lo..<hi` of statements in one
/// block (one statement for a node or expression cursor, empty for a gap),
/// plus for expression cursors the path to the expression inside the
/// statement (first the position in `Stmt.exprs`, then in `Expr.children`).
struct Place: Hashable, Sendable {
    enum Kind: Hashable, Sendable { case statement, block, gap, expression }
    var kind: Kind
    var owner: [TreeStep]
    var block: Int
    var lo: Int
    var hi: Int
    var exprPath: [Int] = []

    /// Path to the statement at `lo` (node and expression cursors).
    var stmtPath: [TreeStep] { owner + [TreeStep(block: block, index: lo)] }

    static func node(_ path: [TreeStep]) -> Place {
        let last = path[path.count - 1]
        return Place(kind: .statement, owner: Array(path.dropLast()), block: last.block, lo: last.index, hi: last.index + 1)
    }

    static func block(owner: [TreeStep], block: Int, _ range: Range<Int>) -> Place {
        Place(kind: .block, owner: owner, block: block, lo: range.lowerBound, hi: range.upperBound)
    }

    static func gap(owner: [TreeStep], block: Int, at position: Int) -> Place {
        Place(kind: .gap, owner: owner, block: block, lo: position, hi: position)
    }

    /// Moves a place that lies inside the subtree of the statement at `from`
    /// (its blocks or deeper) to the same position under `to`; nil when the
    /// place is not strictly inside that subtree.
    func rerooted(from: [TreeStep], to: [TreeStep]) -> Place? {
        guard owner.count >= from.count, Array(owner.prefix(from.count)) == from else { return nil }
        var p = self
        p.owner = to + owner.dropFirst(from.count)
        return p
    }

    /// True when this place is inside the subtree of `path` (strictly, not the statement itself).
    func isInside(_ path: [TreeStep]) -> Bool {
        owner.count >= path.count && Array(owner.prefix(path.count)) == path
    }
}
