/// How `divideLoop` handles iterations beyond the last full chunk.
public enum TailStrategy: Sendable {
    /// The trip count is proved divisible: no tail.
    case perfect
    /// Round the outer count up and guard the body with `if c * io + ii < hi`.
    case `guard`
    /// Run the remaining iterations in a separate loop after the main one.
    case cut
}

extension Procedure {
    /// `divide_loop(p, loop, c, [outer, inner], tail=...)`:
    /// `for i in seq(0, hi)` becomes `for io in seq(0, hi / c): for ii in seq(0, c)`
    /// with `i` replaced by `c * io + ii`. The loop must start at 0.
    public func divideLoop(_ loop: Cursor, by c: Int, newNames: (String, String),
                           tail: TailStrategy = .guard) throws -> Procedure {
        let rw = "divideLoop"
        let (place, s, i, lo, hi, body) = try self.loop(at: loop, rw)
        let ctx = ProgramContext(ir, at: place)
        let simp = ctx.simplifier
        guard c > 0 else { throw failure(rw, "the divisor must be positive, got \(c)", at: s) }
        guard Int32(exactly: c) != nil else {
            throw failure(rw, "the divisor \(c) does not fit in 32 bits (index arithmetic is 32-bit in the generated C)", at: s)
        }
        try Self.checkName(newNames.0, rw, "the outer loop variable")
        try Self.checkName(newNames.1, rw, "the inner loop variable")
        guard newNames.0 != newNames.1 else {
            throw failure(rw, "the outer and inner loops need two different names, got `\(newNames.0)` twice", at: s)
        }
        guard simp.simplify(lo).intValue == 0 else {
            throw failure(rw, "expected the loop to start at 0, it starts at \(StatementText.expr(lo))", at: s)
        }
        let outer = Sym(newNames.0), inner = Sym(newNames.1)
        let cE = Expr.int(c)
        let index = cE * .variable(outer) + .variable(inner)
        let newBody = body.substituting([i: index])
        let path = place.stmtPath
        var replacement: [Stmt]
        var bodyHome: [TreeStep]
        switch tail {
        case .perfect:
            try require(Expr(.binary(.eq, Expr(.binary(.mod, hi, cE)), .int(0))), in: ctx, rw,
                        "the trip count \(StatementText.expr(hi)) is not provably divisible by \(c)", at: s)
            replacement = [Stmt(.loop(outer, .int(0), simp.simplify(Expr(.binary(.div, hi, cE))),
                                      [Stmt(.loop(inner, .int(0), cE, newBody), at: s.loc)]), at: s.loc)]
            bodyHome = path + [TreeStep(block: 0, index: 0)]
        case .guard:
            let guarded = Stmt(.ifElse(Expr(.binary(.lt, index, hi)), newBody, []), at: s.loc)
            replacement = [Stmt(.loop(outer, .int(0), simp.simplify(Expr(.binary(.div, hi + .int(c - 1), cE))),
                                      [Stmt(.loop(inner, .int(0), cE, [guarded]), at: s.loc)]), at: s.loc)]
            bodyHome = path + [TreeStep(block: 0, index: 0), TreeStep(block: 0, index: 0)]
        case .cut:
            let quotient = simp.simplify(Expr(.binary(.div, hi, cE)))
            let tailIter = Sym(newNames.1)
            let tailBody = body.freshened().substituting([i: simp.simplify(cE * quotient) + .variable(tailIter)])
            replacement = [Stmt(.loop(outer, .int(0), quotient,
                                      [Stmt(.loop(inner, .int(0), cE, newBody), at: s.loc)]), at: s.loc),
                           Stmt(.loop(tailIter, .int(0), simp.simplify(Expr(.binary(.mod, hi, cE))), tailBody), at: s.loc)]
            bodyHome = path + [TreeStep(block: 0, index: 0)]
        }
        let newTree = StatementTree.replacing(ir.body, owner: place.owner, block: place.block,
                                              range: place.lo..<place.hi, with: replacement)
        let forward = Forward.replacing(owner: place.owner, block: place.block, range: place.lo..<place.hi,
                                        newCount: replacement.count, inside: Forward.firstOf([
                                            Forward.node(path, to: path),
                                            Forward.movingBlock(from: path, 0, to: bodyHome, 0, offset: 0),
                                        ]))
        return derived(rw, body: newTree, forward,
                       arguments: [argument(place), "\(c)", "[\(newNames.0), \(newNames.1)]", "\(tail)"])
    }
}
