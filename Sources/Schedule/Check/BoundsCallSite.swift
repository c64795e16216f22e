/// What a call must guarantee to its callee, which was checked assuming it:
/// size arguments non-negative, each tensor argument (a whole tensor or a
/// window) of the shape the callee declares, and the callee's preconditions,
/// all with the callee's parameters replaced by the arguments. A window
/// argument carries the strides of the tensor it views, so a precondition
/// `stride(src, 1) == 1` is decided by the caller's tensor.
extension BoundsCollector {
    mutating func call(_ callee: Proc, _ args: [Expr], at loc: SourceLocation,
                       _ scope: Assumptions) throws(SMTTranslationError) {
        let name = callee.name
        guard callee.params.count == args.count else {
            throw SMTTranslationError("call of \(name): expected \(callee.params.count) arguments, got \(args.count)", at: loc)
        }
        // The callee's view: its control parameters bound to the caller's terms.
        var inner = scope
        for (p, a) in zip(callee.params, args) {
            switch p.type {
            case .size:
                let n = try scope.index(a)
                inner.bind(p.name, to: n)
                obligations.append(BoundsObligation(
                    claim: .le(.int(0), n), facts: scope.facts, at: a.loc.isKnown ? a.loc : loc,
                    subject: "call of \(name): size argument \(p.name.name) (\(BoundsExprText.text(a)))",
                    failure: "negative", primary: n.variables))
            case .index:
                inner.bind(p.name, to: try scope.index(a))
            case .bool:
                inner.bind(p.name, to: try scope.condition(a))
            case .scalar, .tensor:
                break
            }
        }
        for (p, a) in zip(callee.params, args) {
            guard case .tensor(_, let shapeExprs, _) = p.type else { continue }
            let argument = try scope.window(a)
            let expected = try shapeExprs.map { (e) throws(SMTTranslationError) in try inner.index(e) }
            let argText = BoundsExprText.text(a)
            guard expected.count == argument.rank else {
                throw SMTTranslationError("call of \(name): argument \(p.name.name) (\(argText)) has \(argument.rank) dimensions, \(name) expects \(expected.count)", at: a.loc.isKnown ? a.loc : loc)
            }
            for d in expected.indices {
                let have = argument.shape[d], want = expected[d]
                var o = BoundsObligation(
                    claim: .eq(have, want), facts: scope.facts, at: a.loc.isKnown ? a.loc : loc,
                    subject: "call of \(name): argument \(p.name.name) (\(argText))",
                    failure: "dimension \(d) of size \(have) where \(name) expects \(want)",
                    primary: boundsDistinct(have.variables + want.variables))
                o.possibly = "may have"
                o.certainly = "has"
                obligations.append(o)
            }
            inner.bind(tensor: p.name, SMTTensor(shape: expected, strides: argument.strides))
        }
        for pre in callee.preconditions {
            let c = try inner.condition(pre)
            let written = BoundsExprText.text(pre), here = c.description
            var o = BoundsObligation(
                claim: c, facts: scope.facts, at: loc,
                subject: "call of \(name): precondition \(written)" + (here == written || c.boolValue != nil ? "" : " (here \(here))"),
                failure: "", primary: c.variables)
            o.possibly = "may fail"
            o.certainly = "fails"
            obligations.append(o)
        }
    }
}
