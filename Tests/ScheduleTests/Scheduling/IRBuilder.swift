@testable import Schedule

// A small readable builder for test procs: the Exo text is given in a
// comment next to each fixture and the IR built with these helpers (over
// Sym and Expr; blocks use the library's BlockBuilder).

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

func For(_ i: Sym, _ lo: Expr, _ hi: Expr, @BlockBuilder _ body: () -> [Stmt]) -> Stmt {
    Stmt(.loop(i, lo, hi, body()))
}
func For(_ i: Sym, _ lo: Int, _ hi: Int, @BlockBuilder _ body: () -> [Stmt]) -> Stmt {
    Stmt(.loop(i, .int(lo), .int(hi), body()))
}
func For(_ i: Sym, _ lo: Int, _ hi: Expr, @BlockBuilder _ body: () -> [Stmt]) -> Stmt {
    Stmt(.loop(i, .int(lo), hi, body()))
}
func If(_ cond: Expr, @BlockBuilder _ body: () -> [Stmt]) -> Stmt {
    Stmt(.ifElse(cond, body(), []))
}
func If(_ cond: Expr, @BlockBuilder _ body: () -> [Stmt], @BlockBuilder orelse: () -> [Stmt]) -> Stmt {
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
              @BlockBuilder _ body: () -> [Stmt]) -> Proc {
    Proc(name: name, params: params, preconditions: preconditions, body: body(), instructionTemplate: template)
}
func size(_ s: Sym) -> Param { Param(name: s, type: .size) }
func tensor(_ s: Sym, _ t: DataType, _ mem: MemoryName = .dram) -> Param { Param(name: s, type: t, memory: mem) }

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
