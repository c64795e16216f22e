/// The oracle used until the z3 layer lands. It decides only what follows
/// from syntax, constant folding and affine normal forms:
///  1. the claim simplifies to `True` under the variable ranges the facts state;
///  2. the claim is one of the facts (after simplification);
///  3. a linear inequality follows from one fact plus variable ranges
///     (`L >= 0` because `L - F >= 0` by ranges and `F >= 0` is a fact);
///  4. when every variable of the claim has a finite constant range, it
///     enumerates all points (up to `enumerationLimit`) and evaluates.
/// Anything else is `.unknown`, never `.proved`.
public struct SyntacticOracle: SoundnessOracle {
    public var enumerationLimit: Int

    public init(enumerationLimit: Int = 1 << 18) {
        self.enumerationLimit = enumerationLimit
    }

    public func prove(_ query: ProofQuery) -> OracleResult {
        let facts = query.facts.flatMap(Self.conjuncts)
        let ranges = Self.ranges(from: facts, types: query.variableTypes)
        let simplifier = IndexSimplifier(ranges: ranges)
        let claim = simplifier.simplify(query.claim)
        if case .bool(true) = claim.node { return .proved }
        let simpleFacts = facts.map(simplifier.simplify)
        if simpleFacts.contains(where: { if case .bool(false) = $0.node { true } else { false } }) {
            return .proved  // contradictory facts: the claim holds vacuously
        }
        let linearFacts = simpleFacts.compactMap { Self.nonNegativeForm($0, simplifier) }.flatMap { $0 }
        if Self.derive(claim, simpleFacts, linearFacts, simplifier) { return .proved }
        return enumerate(claim, facts: simpleFacts, ranges: ranges)
    }

    // MARK: structural derivation

    static func conjuncts(_ e: Expr) -> [Expr] {
        if case .binary(.and, let a, let b) = e.node { return conjuncts(a) + conjuncts(b) }
        return [e]
    }

    private static func derive(_ claim: Expr, _ facts: [Expr], _ linear: [AffineForm],
                               _ s: IndexSimplifier) -> Bool {
        if case .bool(true) = claim.node { return true }
        if facts.contains(claim) { return true }
        switch claim.node {
        case .binary(.and, let a, let b):
            return derive(a, facts, linear, s) && derive(b, facts, linear, s)
        case .binary(.or, let a, let b):
            return derive(a, facts, linear, s) || derive(b, facts, linear, s)
        case .binary(.ne, let a, let b):
            return derive(Expr(.binary(.lt, a, b)), facts, linear, s)
                || derive(Expr(.binary(.gt, a, b)), facts, linear, s)
        case .binary(.eq, let a, let b):
            if let fa = s.affine(a), let fb = s.affine(b), (fa - fb).constantValue == 0 { return true }
            // `e % c == 0` when every coefficient of e is a multiple of c.
            if case .binary(.mod, let x, let c) = a.node, b.intValue == 0, let k = c.intValue, k > 0,
               let fx = s.affine(x), fx.constant % k == 0, fx.terms.allSatisfy({ $0.coefficient % k == 0 }) {
                return true
            }
            return derive(Expr(.binary(.le, a, b)), facts, linear, s)
                && derive(Expr(.binary(.ge, a, b)), facts, linear, s)
        case .binary(let op, _, _) where op.isComparison:
            guard let forms = nonNegativeForm(claim, s) else { return false }
            return forms.allSatisfy { form in
                if form.range(s.atomRange).lo.map({ $0 >= 0 }) ?? false { return true }
                return linear.contains { fact in
                    (form - fact).range(s.atomRange).lo.map { $0 >= 0 } ?? false
                }
            }
        default:
            return false
        }
    }

    /// `a op b` as affine forms that must all be >= 0 (nil if not linear).
    static func nonNegativeForm(_ e: Expr, _ s: IndexSimplifier) -> [AffineForm]? {
        guard case .binary(let op, let a, let b) = e.node, op.isComparison, op != .ne,
              let fa = s.affine(a), let fb = s.affine(b) else { return nil }
        switch op {
        case .lt: return [fb - fa - .constant(1)]
        case .le: return [fb - fa]
        case .gt: return [fa - fb - .constant(1)]
        case .ge: return [fa - fb]
        case .eq: return [fa - fb, fb - fa]
        default: return nil
        }
    }

    // MARK: variable ranges

    /// Constant ranges of single variables stated by facts (`lo <= i`, `i < hi`, `i == c`),
    /// plus `size >= 0`; iterated so `j < i` with `i < 4` bounds j too.
    static func ranges(from facts: [Expr], types: [Sym: DataType]) -> [Sym: Interval] {
        var ranges: [Sym: Interval] = [:]
        for (s, t) in types where t == .size { ranges[s] = Interval(lo: 0, hi: nil) }
        for _ in 0..<3 {
            let s = IndexSimplifier(ranges: ranges)
            var changed = false
            for fact in facts {
                guard let forms = nonNegativeForm(fact, s) else { continue }
                for form in forms {
                    // form >= 0 bounds each of its variables by the others' ranges.
                    guard !form.overflowed else { continue }
                    for t in form.terms {
                        guard case .read(let v, let idx) = t.atom.node, idx.isEmpty, t.coefficient != Int.min else { continue }
                        var rest = form
                        rest.add(t.atom, -t.coefficient)
                        // coef * v >= -rest
                        let restRange = rest.range(s.atomRange)
                        var bound = Interval.unbounded
                        if let rhi = restRange.hi, rhi == Int.min {
                            continue   // no negation in Int: leave v's range alone
                        } else if t.coefficient > 0, let rhi = restRange.hi {
                            bound.lo = ceilDivide(-rhi, t.coefficient)
                        } else if t.coefficient < 0, let rhi = restRange.hi {
                            bound.hi = floorDivide(rhi, -t.coefficient)
                        }
                        let old = ranges[v] ?? .unbounded
                        let new = old.intersected(bound)
                        if new != old { ranges[v] = new; changed = true }
                    }
                }
            }
            if !changed { break }
        }
        return ranges
    }

    private static func ceilDivide(_ a: Int, _ c: Int) -> Int { -floorDivide(-a, c) }

    // MARK: enumeration over finite ranges

    private func enumerate(_ claim: Expr, facts: [Expr], ranges: [Sym: Interval]) -> OracleResult {
        var vars = claim.symbols
        var usable: [Expr] = []
        var dropped = false
        // Facts whose variables are all bounded take part; others are dropped,
        // which keeps `.proved` sound but turns a refutation into `.unknown`.
        for f in facts {
            let fv = f.symbols
            if fv.allSatisfy({ ranges[$0]?.isFinite ?? false }) { usable.append(f); vars.formUnion(fv) } else { dropped = true }
        }
        let ordered = vars.sorted { $0.id < $1.id }
        var total = 1
        for v in ordered {
            guard let n = ranges[v]?.count else {
                return .unknown(reason: "cannot prove \(StatementText.expr(claim)): \(v.name) has no constant range (needs the SMT oracle)")
            }
            if n == 0 { return .proved }
            total = total.multipliedReportingOverflow(by: n).overflow ? Int.max : total * n
            if total > enumerationLimit {
                return .unknown(reason: "cannot prove \(StatementText.expr(claim)): too many cases to enumerate (needs the SMT oracle)")
            }
        }
        var point = [Sym: Int](minimumCapacity: ordered.count)
        for v in ordered { point[v] = ranges[v]!.lo! }
        while true {
            let ev = ControlEvaluator(values: point)
            if usable.allSatisfy({ ev.bool($0) == true }) {
                switch ev.bool(claim) {
                case true?: break
                case false?:
                    return dropped
                        ? .unknown(reason: "cannot prove \(StatementText.expr(claim)); it fails at \(Self.describe(point)) unless other facts exclude it")
                        : .refuted(counterexample: point)
                case nil:
                    return .unknown(reason: "cannot evaluate \(StatementText.expr(claim))")
                }
            }
            // Advance the odometer.
            var k = 0
            while k < ordered.count {
                let v = ordered[k], r = ranges[v]!
                if point[v]! < r.hi! { point[v]! += 1; break }
                point[v] = r.lo!
                k += 1
            }
            if k == ordered.count { return .proved }
        }
    }

    static func describe(_ point: [Sym: Int]) -> String {
        point.sorted { $0.key.name < $1.key.name || ($0.key.name == $1.key.name && $0.key.id < $1.key.id) }
            .map { "\($0.key.name) = \($0.value)" }.joined(separator: ", ")
    }
}
