/// The memory effects of statements: every read, write and reduction of a
/// data buffer, located by index expressions over the variables in scope
/// and the loops inside the statements (with their ranges and the `if`
/// conditions around the access). Windows and calls are seen through: a
/// call's effects are its callee's, with the callee's parameters replaced
/// by the arguments and window offsets added to the indices.
/// Buffers allocated inside the analysed statements are private to them
/// and left out.
struct Access: Sendable {
    enum Kind: String, Sendable { case read, write, reduce }

    var kind: Kind
    /// The underlying buffer (windows resolved).
    var buffer: Sym
    /// Index of the element; nil when it cannot be expressed (the whole buffer is assumed).
    var index: [Expr]?
    /// Loops inside the analysed statements around the access, outermost first.
    var loops: [(Sym, Expr, Expr)]
    /// `if` conditions inside the analysed statements around the access.
    var conditions: [Expr]
    /// The statement performing the access (for messages).
    var origin: Stmt

    var location: String {
        guard let index else { return "\(buffer.name)[<anywhere>]" }
        return index.isEmpty ? buffer.name : "\(buffer.name)[\(index.map(StatementText.expr).joined(separator: ", "))]"
    }

    /// The access with control variables replaced (e.g. a loop variable by its copy in another iteration).
    func substituting(_ map: [Sym: Expr]) -> Access {
        var a = self
        a.index = index?.map { $0.substituting(map) }
        a.loops = loops.map { ($0.0, $0.1.substituting(map), $0.2.substituting(map)) }
        a.conditions = conditions.map { $0.substituting(map) }
        return a
    }

    /// The access with its own loop variables renamed to fresh symbols, so
    /// two accesses (or two copies of one) never share a quantified variable.
    func freshened() -> (Access, [Sym]) {
        var map: [Sym: Expr] = [:]
        var fresh: [Sym] = []
        for (i, _, _) in loops {
            let f = Sym(i.name + "'")
            map[i] = .variable(f)
            fresh.append(f)
        }
        var a = substituting(map)
        a.loops = zip(a.loops, fresh).map { ($1, $0.1, $0.2) }
        return (a, fresh)
    }

    /// Facts about the access's own loops and conditions.
    var facts: [Expr] {
        loops.flatMap { ProgramContext.rangeFacts($0.0, $0.1, $0.2) } + conditions
    }
}

struct Effects: Sendable {
    var accesses: [Access] = []

    var writtenBuffers: Set<Sym> { Set(accesses.filter { $0.kind != .read }.map(\.buffer)) }
    var readBuffers: Set<Sym> { Set(accesses.filter { $0.kind != .write }.map(\.buffer)) }
    var buffers: Set<Sym> { Set(accesses.map(\.buffer)) }

    func substituting(_ map: [Sym: Expr]) -> Effects {
        Effects(accesses: accesses.map { $0.substituting(map) })
    }

    /// Effects of a statement list of `proc` (whose symbols type the buffers).
    static func of(_ stmts: [Stmt], in proc: Proc) -> Effects {
        of(stmts, symbols: SymbolTypes(proc))
    }

    static func of(_ stmts: [Stmt], symbols: SymbolTypes) -> Effects {
        var walker = EffectWalker()
        var env = EffectWalker.Env(symbols: symbols)
        // Windows defined before the statements alias their buffers too.
        for (w, e) in symbols.windowDefinitions {
            if let a = env.alias(of: e) { env.aliases[w] = a }
        }
        walker.walk(stmts, &env, origin: nil)
        let locals = walker.locals
        return Effects(accesses: walker.accesses.filter { !locals.contains($0.buffer) })
    }
}

/// The recursive walk behind `Effects`.
private struct EffectWalker {
    /// A name standing for a window of a buffer: `w = x[0:4, i]`, or a
    /// callee's tensor parameter bound to an argument.
    struct Alias {
        var base: Sym
        /// nil: the whole buffer, indexed the same way.
        var accesses: [WindowAccess]?
    }

    struct Env {
        var symbols: SymbolTypes
        var substitution: [Sym: Expr] = [:]
        var aliases: [Sym: Alias] = [:]
        var loops: [(Sym, Expr, Expr)] = []
        var conditions: [Expr] = []

        func isData(_ s: Sym) -> Bool { aliases[s] != nil || symbols.isData(s) }

        func control(_ e: Expr) -> Expr { e.substituting(substitution) }

        /// The buffer and element index that `x[idx]` denotes.
        func locate(_ x: Sym, _ idx: [Expr]) -> (Sym, [Expr]?) {
            guard let alias = aliases[x] else { return (x, idx.map(control)) }
            guard let acc = alias.accesses else { return (alias.base, idx.map(control)) }
            var k = 0
            var out: [Expr] = []
            for a in acc {
                switch a {
                case .point(let e): out.append(e)
                case .interval(let lo, _):
                    guard k < idx.count else { return (alias.base, nil) }
                    out.append(lo + control(idx[k]))
                    k += 1
                }
            }
            return (alias.base, k == idx.count ? out : nil)
        }

        /// The alias an argument expression denotes (a whole tensor or a window).
        func alias(of arg: Expr) -> Alias? {
            switch arg.node {
            case .read(let x, let idx):
                if idx.isEmpty {
                    if let a = aliases[x] { return a }
                    return Alias(base: x, accesses: nil)
                }
                // An element passed to a scalar parameter.
                let (b, i) = locate(x, idx)
                return i.map { Alias(base: b, accesses: $0.map { .point($0) }) }
            case .window(let x, let acc):
                let own = acc.map { $0.mapExprs(control) }
                guard let outer = aliases[x], let outerAcc = outer.accesses else {
                    return Alias(base: aliases[x]?.base ?? x, accesses: own)
                }
                // Compose: the window's dimensions index the outer window's intervals.
                var k = 0
                var out: [WindowAccess] = []
                for a in outerAcc {
                    switch a {
                    case .point: out.append(a)
                    case .interval(let lo, _):
                        guard k < own.count else { return nil }
                        switch own[k] {
                        case .point(let e): out.append(.point(lo + e))
                        case .interval(let l, let h): out.append(.interval(lo + l, lo + h))
                        }
                        k += 1
                    }
                }
                return Alias(base: outer.base, accesses: out)
            default:
                return nil
            }
        }
    }

    var accesses: [Access] = []
    var locals: Set<Sym> = []

    mutating func walk(_ stmts: [Stmt], _ env: inout Env, origin: Stmt?) {
        for s in stmts { walk(s, &env, origin: origin ?? s) }
    }

    mutating func walk(_ s: Stmt, _ env: inout Env, origin: Stmt) {
        switch s.node {
        case .assign(let x, let idx, let rhs), .reduce(let x, let idx, let rhs):
            reads(rhs, env, origin)
            let (b, i) = env.locate(x, idx)
            if case .assign = s.node { record(.write, b, i, env, origin) } else { record(.reduce, b, i, env, origin) }
        case .pass:
            break
        case .ifElse(let c, let body, let orelse):
            reads(c, env, origin)
            var inner = env
            inner.conditions.append(env.control(c))
            walk(body, &inner, origin: origin)
            inner = env
            inner.conditions.append(Expr(.unary(.not, env.control(c))))
            walk(orelse, &inner, origin: origin)
        case .loop(let i, let lo, let hi, let body):
            var inner = env
            inner.loops.append((i, env.control(lo), env.control(hi)))
            walk(body, &inner, origin: origin)
        case .alloc(let x, _, _):
            locals.insert(x)
        case .windowDef(let w, let e):
            if let a = env.alias(of: e) { env.aliases[w] = a }
        case .call(let callee, let args):
            var inner = Env(symbols: SymbolTypes(callee))
            inner.loops = env.loops
            inner.conditions = env.conditions
            for (param, arg) in zip(callee.params, args) {
                if param.type.isData {
                    if let a = env.alias(of: arg) { inner.aliases[param.name] = a } else {
                        reads(arg, env, origin)
                    }
                } else {
                    inner.substitution[param.name] = env.control(arg)
                }
            }
            walk(callee.body, &inner, origin: origin)
        }
    }

    private mutating func reads(_ e: Expr, _ env: Env, _ origin: Stmt) {
        switch e.node {
        case .read(let x, let idx) where env.isData(x):
            let (b, i) = env.locate(x, idx)
            record(.read, b, i, env, origin)
        default:
            for c in e.children { reads(c, env, origin) }
        }
    }

    private mutating func record(_ kind: Access.Kind, _ buffer: Sym, _ index: [Expr]?, _ env: Env, _ origin: Stmt) {
        accesses.append(Access(kind: kind, buffer: buffer, index: index, loops: env.loops,
                               conditions: env.conditions, origin: origin))
    }
}
