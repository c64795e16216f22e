@testable import Schedule

// A small readable builder for test procs: the Exo text is given in a
// comment next to each fixture and the IR built with these helpers.

@resultBuilder
enum StmtBlock {
    static func buildExpression(_ s: Stmt) -> [Stmt] { [s] }
    static func buildExpression(_ s: [Stmt]) -> [Stmt] { s }
    static func buildBlock(_ parts: [Stmt]...) -> [Stmt] { parts.flatMap { $0 } }
    static func buildArray(_ parts: [[Stmt]]) -> [Stmt] { parts.flatMap { $0 } }
    static func buildOptional(_ s: [Stmt]?) -> [Stmt] { s ?? [] }
    static func buildEither(first: [Stmt]) -> [Stmt] { first }
    static func buildEither(second: [Stmt]) -> [Stmt] { second }
}

func v(_ s: Sym) -> Expr { .variable(s) }
func lit(_ k: Int) -> Expr { .int(k) }

extension Expr {
    static func + (a: Expr, b: Int) -> Expr { a + .int(b) }
    static func - (a: Expr, b: Int) -> Expr { a - .int(b) }
    static func * (a: Int, b: Expr) -> Expr { .int(a) * b }
    static func / (a: Expr, b: Int) -> Expr { Expr(.binary(.div, a, .int(b))) }
    static func % (a: Expr, b: Int) -> Expr { Expr(.binary(.mod, a, .int(b))) }
    static func / (a: Expr, b: Expr) -> Expr { Expr(.binary(.div, a, b)) }
    static func % (a: Expr, b: Expr) -> Expr { Expr(.binary(.mod, a, b)) }
    static func < (a: Expr, b: Expr) -> Expr { Expr(.binary(.lt, a, b)) }
    static func < (a: Expr, b: Int) -> Expr { Expr(.binary(.lt, a, .int(b))) }
    static func <= (a: Expr, b: Expr) -> Expr { Expr(.binary(.le, a, b)) }
    static func == (a: Expr, b: Int) -> Expr { Expr(.binary(.eq, a, .int(b))) }
    static func != (a: Expr, b: Expr) -> Expr { Expr(.binary(.ne, a, b)) }
    static func && (a: Expr, b: Expr) -> Expr { Expr(.binary(.and, a, b)) }
}

func read(_ x: Sym, _ idx: Expr...) -> Expr { .read(x, idx) }
func window(_ x: Sym, _ acc: WindowAccess...) -> Expr { Expr(.window(x, acc)) }

func For(_ i: Sym, _ lo: Expr, _ hi: Expr, @StmtBlock _ body: () -> [Stmt]) -> Stmt {
    Stmt(.loop(i, lo, hi, body()))
}
func For(_ i: Sym, _ lo: Int, _ hi: Int, @StmtBlock _ body: () -> [Stmt]) -> Stmt {
    Stmt(.loop(i, .int(lo), .int(hi), body()))
}
func For(_ i: Sym, _ lo: Int, _ hi: Expr, @StmtBlock _ body: () -> [Stmt]) -> Stmt {
    Stmt(.loop(i, .int(lo), hi, body()))
}
func If(_ cond: Expr, @StmtBlock _ body: () -> [Stmt]) -> Stmt {
    Stmt(.ifElse(cond, body(), []))
}
func If(_ cond: Expr, @StmtBlock _ body: () -> [Stmt], @StmtBlock orelse: () -> [Stmt]) -> Stmt {
    Stmt(.ifElse(cond, body(), orelse()))
}
func Assign(_ x: Sym, _ idx: [Expr], _ rhs: Expr) -> Stmt { Stmt(.assign(x, idx, rhs)) }
func Reduce(_ x: Sym, _ idx: [Expr], _ rhs: Expr) -> Stmt { Stmt(.reduce(x, idx, rhs)) }
func Alloc(_ x: Sym, _ t: DataType, _ mem: MemoryName = .dram) -> Stmt { Stmt(.alloc(x, t, mem)) }
func Call(_ p: Proc, _ args: Expr...) -> Stmt { Stmt(.call(p, args)) }
func WindowDef(_ w: Sym, _ e: Expr) -> Stmt { Stmt(.windowDef(w, e)) }
let Pass = Stmt(.pass)

func i32(_ shape: Expr...) -> DataType { .tensor(.i32, shape: shape, isWindow: false) }
func i32Window(_ shape: Expr...) -> DataType { .tensor(.i32, shape: shape, isWindow: true) }

func makeProc(_ name: String, _ params: [Param], preconditions: [Expr] = [], template: String? = nil,
              @StmtBlock _ body: () -> [Stmt]) -> Proc {
    Proc(name: name, params: params, preconditions: preconditions, body: body(), instructionTemplate: template)
}
func size(_ s: Sym) -> Param { Param(name: s, type: .size) }
func tensor(_ s: Sym, _ t: DataType, _ mem: MemoryName = .dram) -> Param { Param(name: s, type: t, memory: mem) }

/// Structural equality up to renaming of bound symbols: two statement lists
/// are alpha-equivalent when they have the same shape, the same names, and a
/// consistent one-to-one correspondence between their symbols.
struct ScheduleAlphaEquivalence {
    private var forward: [Sym: Sym] = [:]
    private var backward: [Sym: Sym] = [:]

    static func equal(_ a: [Stmt], _ b: [Stmt]) -> Bool {
        var eq = ScheduleAlphaEquivalence()
        return eq.stmts(a, b)
    }

    private mutating func sym(_ a: Sym, _ b: Sym) -> Bool {
        guard a.name == b.name else { return false }
        if let m = forward[a] { return m == b }
        if backward[b] != nil { return false }
        forward[a] = b
        backward[b] = a
        return true
    }

    private mutating func stmts(_ a: [Stmt], _ b: [Stmt]) -> Bool {
        guard a.count == b.count else { return false }
        for (x, y) in zip(a, b) where !stmt(x, y) { return false }
        return true
    }

    private mutating func exprs(_ a: [Expr], _ b: [Expr]) -> Bool {
        guard a.count == b.count else { return false }
        for (x, y) in zip(a, b) where !expr(x, y) { return false }
        return true
    }

    private mutating func stmt(_ a: Stmt, _ b: Stmt) -> Bool {
        switch (a.node, b.node) {
        case (.assign(let x, let i, let r), .assign(let y, let j, let s)),
             (.reduce(let x, let i, let r), .reduce(let y, let j, let s)):
            return sym(x, y) && exprs(i, j) && expr(r, s)
        case (.pass, .pass): return true
        case (.ifElse(let c, let b1, let o1), .ifElse(let d, let b2, let o2)):
            return expr(c, d) && stmts(b1, b2) && stmts(o1, o2)
        case (.loop(let i, let l1, let h1, let b1), .loop(let j, let l2, let h2, let b2)):
            return sym(i, j) && expr(l1, l2) && expr(h1, h2) && stmts(b1, b2)
        case (.alloc(let x, let t, let m), .alloc(let y, let u, let n)):
            return sym(x, y) && m == n && exprs(t.shape, u.shape) && t.elementType == u.elementType
        case (.call(let p, let a1), .call(let q, let a2)):
            return p.name == q.name && exprs(a1, a2)
        case (.windowDef(let x, let e), .windowDef(let y, let f)):
            return sym(x, y) && expr(e, f)
        default: return false
        }
    }

    private mutating func expr(_ a: Expr, _ b: Expr) -> Bool {
        switch (a.node, b.node) {
        case (.read(let x, let i), .read(let y, let j)): return sym(x, y) && exprs(i, j)
        case (.int(let x), .int(let y)): return x == y
        case (.float(let x), .float(let y)): return x == y
        case (.bool(let x), .bool(let y)): return x == y
        case (.unary(let o, let x), .unary(let p, let y)): return o == p && expr(x, y)
        case (.binary(let o, let x1, let x2), .binary(let p, let y1, let y2)):
            return o == p && expr(x1, y1) && expr(x2, y2)
        case (.window(let x, let acc), .window(let y, let bcc)):
            guard sym(x, y), acc.count == bcc.count else { return false }
            for (p, q) in zip(acc, bcc) {
                switch (p, q) {
                case (.point(let e), .point(let f)): if !expr(e, f) { return false }
                case (.interval(let e1, let e2), .interval(let f1, let f2)): if !(expr(e1, f1) && expr(e2, f2)) { return false }
                default: return false
                }
            }
            return true
        case (.stride(let x, let d), .stride(let y, let e)): return d == e && sym(x, y)
        default: return false
        }
    }
}

/// The proc's body as text (the scheduling module's internal printer).
func text(_ p: Procedure) -> String { StatementText.stmts(p.ir.body) }
func text(_ stmts: [Stmt]) -> String { StatementText.stmts(stmts) }

/// Runs `body` expecting a schedule error; returns its message ("" if none was thrown).
func scheduleError(_ body: () throws -> Void) -> String {
    do {
        try body()
        return ""
    } catch let e as KernelError {
        return e.phase == .schedule ? e.message : "wrong phase: \(e)"
    } catch {
        return "unexpected error: \(error)"
    }
}
