/// What unification learns about one tensor parameter of the instruction:
/// it is a window of a caller buffer. Parameter dimension j is caller
/// dimension `dims[j]` shifted by `offsets[j]`; the other caller dimensions
/// are fixed at `points`.
struct WindowBinding {
    var buffer: Sym
    var rank: Int
    var dims: [Int]
    var offsets: [Expr]
    var points: [Int: Expr]

    /// The window argument, given the parameter's extents.
    func window(extents: [Expr], _ simp: IndexSimplifier) -> [WindowAccess] {
        (0..<rank).map { d in
            if let j = dims.firstIndex(of: d) {
                return .interval(simp.simplify(offsets[j]), simp.simplify(offsets[j] + extents[j]))
            }
            return .point(simp.simplify(points[d] ?? .int(0)))
        }
    }
}

/// A failed match, saying which part of the instruction's body did not
/// match which part of the caller's block.
struct UnifyMismatch: Error {
    var message: String
}

/// An equality (or other control fact) the match relies on, to be proved
/// in the caller's context plus the loops and conditions around it.
struct UnifyObligation {
    var claim: Expr
    var facts: [Expr]
    var what: String
}
