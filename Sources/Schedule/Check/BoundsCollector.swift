/// Walks statements and expressions and lists the bounds obligations of
/// every tensor access, window, allocation and call, each with the facts
/// that hold where it occurs. Proving them is the checker's job.
struct BoundsCollector {
    var obligations: [BoundsObligation] = []

    mutating func block(_ body: [Stmt], _ start: Assumptions) throws(SMTTranslationError) {
        var scope = start
        for s in body {
            try statement(s, scope)
            try scope.declare(s)
        }
    }

    mutating func statement(_ s: Stmt, _ scope: Assumptions) throws(SMTTranslationError) {
        switch s.node {
        case .assign(let x, let idx, let rhs), .reduce(let x, let idx, let rhs):
            if !idx.isEmpty { try access(x, idx, at: s.loc, scope, scope.facts) }
            try expression(rhs, scope, scope.facts)
        case .pass:
            break
        case .ifElse(let cond, let body, let orelse):
            try expression(cond, scope, scope.facts)
            try block(body, try scope.entering(s, block: 0))
            try block(orelse, try scope.entering(s, block: 1))
        case .loop(_, let lo, let hi, let body):
            try expression(lo, scope, scope.facts)
            try expression(hi, scope, scope.facts)
            try block(body, try scope.entering(s, block: 0))
        case .alloc(let x, let type, _):
            try allocation(x, type, at: s.loc, scope)
        case .call(let callee, let args):
            for a in args { try expression(a, scope, scope.facts) }
            try call(callee, args, at: s.loc, scope)
        case .windowDef(_, let w):
            try expression(w, scope, scope.facts)
        }
    }

    /// Accesses inside an expression. The right operand of `and` (`or`) is
    /// evaluated only when the left one is true (false), so it may rely on that.
    mutating func expression(_ e: Expr, _ scope: Assumptions, _ facts: [SMTTerm]) throws(SMTTranslationError) {
        switch e.node {
        case .read(let x, let idx) where !idx.isEmpty:
            try access(x, idx, at: e.loc, scope, facts)
        case .window(let x, let accesses):
            try window(x, accesses, at: e.loc, scope, facts)
        case .binary(let op, let a, let b) where op.isLogical:
            try expression(a, scope, facts)
            var inner = facts
            if let c = try? scope.condition(a) { inner.append(op == .and ? c : !c) }
            try expression(b, scope, inner)
        default:
            for c in e.children { try expression(c, scope, facts) }
        }
    }

    /// `x[i0, i1, ...]`: 0 <= i_d < shape_d for every d.
    private mutating func access(_ x: Sym, _ idx: [Expr], at loc: SourceLocation,
                                 _ scope: Assumptions, _ facts: [SMTTerm]) throws(SMTTranslationError) {
        let tensor = try tensorInScope(x, rank: idx.count, at: loc, scope)
        let terms = try idx.map { (e) throws(SMTTranslationError) in try scope.index(e) }
        let text = BoundsExprText.text(.read(x, idx))
        for d in idx.indices {
            let i = terms[d], n = tensor.shape[d]
            obligations.append(BoundsObligation(
                claim: .le(.int(0), i) && .lt(i, n), facts: facts, at: loc,
                subject: "\(text): index \(d) (\(BoundsExprText.text(idx[d])))",
                failure: "out of bounds [0, \(n))",
                primary: boundsDistinct(i.variables + n.variables),
                secondary: boundsDistinct(terms.enumerated().filter { $0.offset != d }.flatMap { $0.element.variables })))
        }
    }

    /// `x[a:b, i]`: points inside their dimension, intervals 0 <= a <= b <= shape_d.
    private mutating func window(_ x: Sym, _ accesses: [WindowAccess], at loc: SourceLocation,
                                 _ scope: Assumptions, _ facts: [SMTTerm]) throws(SMTTranslationError) {
        let tensor = try tensorInScope(x, rank: accesses.count, at: loc, scope)
        let text = BoundsExprText.text(Expr(.window(x, accesses)))
        var terms: [[SMTTerm]] = []
        for a in accesses {
            terms.append(try a.exprs.map { (e) throws(SMTTranslationError) in try scope.index(e) })
        }
        for (d, a) in accesses.enumerated() {
            let n = tensor.shape[d]
            let others = boundsDistinct(terms.enumerated().filter { $0.offset != d }.flatMap { $0.element.flatMap(\.variables) })
            switch a {
            case .point(let e):
                let i = terms[d][0]
                obligations.append(BoundsObligation(
                    claim: .le(.int(0), i) && .lt(i, n), facts: facts, at: loc,
                    subject: "\(text): index \(d) (\(BoundsExprText.text(e)))",
                    failure: "out of bounds [0, \(n))",
                    primary: boundsDistinct(i.variables + n.variables), secondary: others))
            case .interval:
                let lo = terms[d][0], hi = terms[d][1]
                var o = BoundsObligation(
                    claim: .le(.int(0), lo) && .le(lo, hi) && .le(hi, n), facts: facts, at: loc,
                    subject: "\(text): interval \(d) (\(BoundsExprText.text(a)))",
                    failure: "within [0, \(n)]",
                    primary: boundsDistinct(lo.variables + hi.variables + n.variables), secondary: others)
                o.possibly = "may not lie"
                o.certainly = "does not lie"
                obligations.append(o)
            }
        }
    }

    /// `x: T[n, m]`: every dimension positive.
    private mutating func allocation(_ x: Sym, _ type: DataType, at loc: SourceLocation,
                                     _ scope: Assumptions) throws(SMTTranslationError) {
        for (d, dimExpr) in type.shape.enumerated() {
            let n = try scope.index(dimExpr)
            var o = BoundsObligation(
                claim: .lt(.int(0), n), facts: scope.facts, at: loc,
                subject: "allocation of \(x.name): dimension \(d) (\(BoundsExprText.text(dimExpr)))",
                failure: "positive", primary: n.variables)
            o.possibly = "may not be"
            o.certainly = "is not"
            obligations.append(o)
        }
    }

    func tensorInScope(_ x: Sym, rank: Int, at loc: SourceLocation, _ scope: Assumptions) throws(SMTTranslationError) -> SMTTensor {
        guard let t = scope.tensor(x) else { throw SMTTranslationError("`\(x.name)` is not a tensor in scope", at: loc) }
        guard t.rank == rank else {
            throw SMTTranslationError("`\(x.name)` has \(t.rank) dimensions but is accessed with \(rank)", at: loc)
        }
        return t
    }
}

/// Variables without repeats, first occurrences kept in order.
func boundsDistinct(_ vs: [SMTVariable]) -> [SMTVariable] {
    var seen = Set<SMTVariable>()
    return vs.filter { seen.insert($0).inserted }
}
