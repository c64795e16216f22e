/// What holds at a point of a proc: the preconditions, the ranges of the
/// enclosing loops and the conditions of the enclosing `if`s, and the names
/// in scope. Rewrites pass these facts to the oracle.
struct ProgramContext {
    enum Enclosing {
        case loop(Sym, Expr, Expr)
        case condition(Expr)
    }

    let proc: Proc
    let symbols: SymbolTypes
    /// Outermost first.
    private(set) var enclosing: [Enclosing] = []
    /// Names visible at the point (innermost binding wins).
    private(set) var visible: [String: Sym] = [:]

    /// The context of the statement (or gap / block start) `place`.
    init(_ proc: Proc, at place: Place) {
        self.init(proc, owner: place.owner, block: place.block, index: place.lo)
    }

    init(_ proc: Proc, owner: [TreeStep], block: Int, index: Int) {
        self.proc = proc
        self.symbols = SymbolTypes(proc)
        for p in proc.params { visible[p.name.name] = p.name }
        var stmts = proc.body
        let steps = owner + [TreeStep(block: block, index: index)]
        for (depth, step) in steps.enumerated() {
            for s in stmts.prefix(step.index) {
                if let x = s.bindsName { visible[x.name] = x }
            }
            guard depth < steps.count - 1, stmts.indices.contains(step.index) else { break }
            let childBlock = steps[depth + 1].block
            switch stmts[step.index].node {
            case .loop(let i, let lo, let hi, let body):
                enclosing.append(.loop(i, lo, hi))
                visible[i.name] = i
                stmts = body
            case .ifElse(let c, let body, let orelse):
                enclosing.append(.condition(childBlock == 0 ? c : Expr(.unary(.not, c))))
                stmts = childBlock == 0 ? body : orelse
            default:
                stmts = []
            }
        }
    }

    /// The enclosing loop variables, outermost first.
    var loopVariables: [Sym] {
        enclosing.compactMap { if case .loop(let i, _, _) = $0 { i } else { nil } }
    }

    /// Preconditions, `size >= 0`, loop ranges and branch conditions.
    var facts: [Expr] {
        var out = proc.preconditions
        for p in proc.params where p.type == .size {
            out.append(Expr(.binary(.ge, .variable(p.name), .int(0))))
        }
        for e in enclosing {
            switch e {
            case .loop(let i, let lo, let hi): out += Self.rangeFacts(i, lo, hi)
            case .condition(let c): out.append(c)
            }
        }
        return out
    }

    static func rangeFacts(_ i: Sym, _ lo: Expr, _ hi: Expr) -> [Expr] {
        [Expr(.binary(.le, lo, .variable(i))), Expr(.binary(.lt, .variable(i), hi))]
    }

    /// Types of the control variables, for the oracle.
    var controlTypes: [Sym: DataType] {
        var out: [Sym: DataType] = [:]
        for (s, t) in symbols.types where !t.isData { out[s] = t }
        return out
    }

    /// An index simplifier knowing the enclosing loop ranges.
    var simplifier: IndexSimplifier {
        var s = IndexSimplifier()
        s.dataSymbols = symbols.dataSymbols
        for p in proc.params where p.type == .size { s.ranges[p.name] = Interval(lo: 0, hi: nil) }
        for e in enclosing {
            if case .loop(let i, let lo, let hi) = e {
                let l = s.range(of: lo).lo, h = s.range(of: hi).hi
                s.ranges[i] = Interval(lo: l, hi: h.map { $0 - 1 })
            }
        }
        return s
    }

    /// Resolves a pattern expression (without holes) against the names in scope.
    func resolve(_ e: PatternExpr, for rewrite: String) throws -> Expr {
        func r(_ e: PatternExpr) throws -> Expr {
            switch e {
            case .hole: throw KernelError(.schedule, "\(rewrite): `_` is not allowed in an expression argument")
            case .int(let v): return .int(v)
            case .float(let v): return Expr(.float(v))
            case .bool(let b): return Expr(.bool(b))
            case .read(let n, let idx):
                guard let s = visible[n] else { throw KernelError(.schedule, "\(rewrite): `\(n)` is not defined here") }
                return .read(s, try idx.map(r))
            case .unary(let op, let a): return Expr(.unary(op, try r(a)))
            case .binary(let op, let a, let b): return Expr(.binary(op, try r(a), try r(b)))
            case .builtin("stride", let args):
                guard args.count == 2, case .read(let n, []) = args[0], case .int(let d) = args[1],
                      let s = visible[n] else {
                    throw KernelError(.schedule, "\(rewrite): `stride` takes a tensor name and a dimension")
                }
                return Expr(.stride(s, d))
            case .builtin(let f, _): throw KernelError(.schedule, "\(rewrite): `\(f)(...)` is not an expression")
            case .window(let n, let acc):
                guard let s = visible[n] else { throw KernelError(.schedule, "\(rewrite): `\(n)` is not defined here") }
                return Expr(.window(s, try acc.map { a in
                    switch a {
                    case .point(let e): .point(try r(e))
                    case .interval(let lo, let hi): .interval(try r(lo), try r(hi))
                    }
                }))
            }
        }
        return try r(e)
    }

    func parse(_ text: String, for rewrite: String) throws -> Expr {
        let parsed: PatternExpr
        do {
            parsed = try PatternParser.expression(text)
        } catch let e as KernelError {
            // The pattern parser speaks of patterns; here the text is a rewrite's argument.
            var reason = e.message
            let prefix = "pattern `\(text)`: "
            if reason.hasPrefix(prefix) { reason.removeFirst(prefix.count) }
            reason = reason.replacing("end of pattern", with: "end of the expression")
            throw KernelError(.schedule, "\(rewrite): cannot read the expression `\(text)`: \(reason)")
        }
        return try resolve(parsed, for: rewrite)
    }
}

extension Stmt {
    /// The name a statement introduces into the rest of its block.
    var bindsName: Sym? {
        switch node {
        case .alloc(let x, _, _), .windowDef(let x, _): x
        default: nil
        }
    }
}
