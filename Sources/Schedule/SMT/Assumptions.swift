/// What is known at one point of a proc: the control values in scope (size
/// and index arguments, loop iterators, bools) as solver terms, the tensors
/// in scope with their shapes and strides, and the facts that hold there:
///
/// - sizes are non-negative, window strides positive, argument dimensions non-negative;
/// - the proc's preconditions (`assert n % 4 == 0`);
/// - `lo <= i < hi` for each enclosing `for i in seq(lo, hi)`;
/// - the condition of each enclosing `if` (its negation in an `else`).
///
/// Build it with `init(proc:)` and fold `entering(_:block:)` (into a loop or
/// if) and `declare(_:)` (past an allocation or window) along the path to a
/// statement, or let `walk` do it for every statement. Then translate
/// expressions with `term`/`index`/`condition` and ask an `SMTContext`.
public struct Assumptions: Hashable, Sendable {
    public private(set) var facts: [SMTTerm] = []
    private var values: [Sym: SMTTerm] = [:]
    private var tensors: [Sym: SMTTensor] = [:]

    /// Nothing in scope, nothing known.
    public init() {}

    /// At the top of the body of `proc`.
    public init(proc: Proc) throws(SMTTranslationError) {
        for p in proc.params {
            switch p.type {
            case .size:
                let n = SMTTerm.variable(SMTVariable(p.name))
                bind(p.name, to: n)
                assume(.le(.int(0), n))
            case .index:
                bind(p.name, to: .variable(SMTVariable(p.name)))
            case .bool:
                bind(p.name, to: .variable(SMTVariable(p.name, sort: .bool)))
            case .scalar:
                break
            case .tensor: break   // after all control arguments: shapes refer to them
            }
        }
        for p in proc.params {
            guard case .tensor(_, let shapeExprs, let isWindow) = p.type else { continue }
            let shape = try shapeExprs.map { (e) throws(SMTTranslationError) in try index(e) }
            for dim in shape { assume(.le(.int(0), dim)) }
            if isWindow {
                let strides = shape.indices.map { d in
                    SMTTerm.variable(SMTVariable(name: "stride(\(p.name), \(d))", identity: .stride(p.name.id, d), sort: .int))
                }
                for s in strides { assume(.lt(.int(0), s)) }
                bind(tensor: p.name, SMTTensor(shape: shape, strides: strides))
            } else {
                bind(tensor: p.name, .dense(shape: shape))
            }
        }
        for pre in proc.preconditions { assume(try condition(pre)) }
    }

    // MARK: Building

    public mutating func assume(_ fact: SMTTerm) {
        if fact.boolValue == true { return }
        facts.append(fact)
    }

    /// Makes `sym` (a control value) stand for `value`, e.g. a callee's
    /// argument bound to the caller's expression.
    public mutating func bind(_ sym: Sym, to value: SMTTerm) { values[sym] = value }

    public mutating func bind(tensor sym: Sym, _ tensor: SMTTensor) { tensors[sym] = tensor }

    /// The assumptions inside block `block` of `stmt`: the body of a loop
    /// (block 0), the then (0) or else (1) branch of an if. An if condition
    /// the solver cannot read (it reads data) adds no fact, which is sound.
    public func entering(_ stmt: Stmt, block: Int) throws(SMTTranslationError) -> Assumptions {
        var inner = self
        switch stmt.node {
        case .loop(let i, let lo, let hi, _):
            let lower = try index(lo), upper = try index(hi)   // read before `i` is rebound
            let iter = SMTTerm.variable(iterator(i))
            inner.bind(i, to: iter)
            inner.assume(.le(lower, iter))
            inner.assume(.lt(iter, upper))
        case .ifElse(let cond, _, _):
            if let c = try? condition(cond) { inner.assume(block == 0 ? c : !c) }
        default:
            break
        }
        return inner
    }

    /// Brings into scope what `stmt` defines for the statements after it:
    /// an allocated tensor or a window. Other statements change nothing.
    public mutating func declare(_ stmt: Stmt) throws(SMTTranslationError) {
        switch stmt.node {
        case .alloc(let s, .tensor(_, let shapeExprs, _), _):
            let shape = try shapeExprs.map { (e) throws(SMTTranslationError) in try index(e) }
            bind(tensor: s, .dense(shape: shape))
        case .windowDef(let s, let w):
            bind(tensor: s, try window(w))
        default:
            break
        }
    }

    /// The variable of loop iterator `i`: its own, unless an enclosing loop
    /// binds the same symbol, whose facts must not constrain this one.
    private func iterator(_ i: Sym) -> SMTVariable {
        guard let bound = values[i], case .variable(let outer) = bound.node else { return SMTVariable(i) }
        let level: Int
        switch outer.identity {
        case .shadowing(_, let k): level = k + 1
        default: level = 1
        }
        return SMTVariable(name: i.name, identity: .shadowing(i.id, level: level), sort: .int)
    }

    // MARK: Reading

    public func value(of sym: Sym) -> SMTTerm? { values[sym] }
    public func tensor(_ sym: Sym) -> SMTTensor? { tensors[sym] }

    /// The shape and strides of a window expression `x[a:b, i]` or a whole
    /// tensor `x`, relative to what is in scope.
    public func window(_ e: Expr) throws(SMTTranslationError) -> SMTTensor {
        switch e.node {
        case .read(let x, let idx) where idx.isEmpty:
            guard let t = tensors[x] else { throw SMTTranslationError("`\(x)` is not a tensor in scope", at: e.loc) }
            return t
        case .window(let x, let accesses):
            guard let t = tensors[x] else { throw SMTTranslationError("`\(x)` is not a tensor in scope", at: e.loc) }
            guard accesses.count == t.rank else {
                throw SMTTranslationError("window of `\(x)` has \(accesses.count) dimensions, `\(x)` has \(t.rank)", at: e.loc)
            }
            var shape: [SMTTerm] = [], strides: [SMTTerm] = []
            for (d, a) in accesses.enumerated() {
                if case .interval(let lo, let hi) = a {
                    shape.append((try index(hi) - index(lo)).affineSimplified)
                    strides.append(t.strides[d])
                }
            }
            return SMTTensor(shape: shape, strides: strides)
        default:
            throw SMTTranslationError("expected a tensor or a window", at: e.loc)
        }
    }

    // MARK: Walking

    /// Calls `visit` on every statement of `proc`, pre-order, with the
    /// assumptions that hold just before it.
    public static func walk(_ proc: Proc, _ visit: (Stmt, Assumptions) throws -> Void) throws {
        try walk(proc.body, from: try Assumptions(proc: proc), visit)
    }

    public static func walk(_ block: [Stmt], from start: Assumptions, _ visit: (Stmt, Assumptions) throws -> Void) throws {
        var scope = start
        for s in block {
            try visit(s, scope)
            for (k, inner) in s.blocks.enumerated() {
                try walk(inner, from: try scope.entering(s, block: k), visit)
            }
            try scope.declare(s)
        }
    }
}
