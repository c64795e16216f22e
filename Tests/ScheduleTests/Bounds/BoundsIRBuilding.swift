import Foundation
@testable import Schedule

/// Short constructors for writing test procs as IR values (the parser is
/// built in parallel), beside the module-wide `v`, `lit` and `size` of
/// Scheduling/IRBuilder.swift. A suite conforms to use them unqualified:
///
///     loop(i, lit(0), v(n), [assign(x, [v(i)], lit(0))])
protocol BoundsIRBuilding {}

extension BoundsIRBuilding {
    // Expressions
    func op(_ o: BinaryOp, _ a: Expr, _ b: Expr) -> Expr { Expr(.binary(o, a, b)) }
    func lt(_ a: Expr, _ b: Expr) -> Expr { op(.lt, a, b) }
    func ge(_ a: Expr, _ b: Expr) -> Expr { op(.ge, a, b) }
    func eq(_ a: Expr, _ b: Expr) -> Expr { op(.eq, a, b) }
    func div(_ a: Expr, _ b: Expr) -> Expr { op(.div, a, b) }
    func mod(_ a: Expr, _ b: Expr) -> Expr { op(.mod, a, b) }
    func and(_ a: Expr, _ b: Expr) -> Expr { op(.and, a, b) }
    func read(_ x: Sym, _ idx: Expr..., at loc: SourceLocation = .unknown) -> Expr { Expr(.read(x, idx), at: loc) }
    func window(_ x: Sym, _ acc: WindowAccess..., at loc: SourceLocation = .unknown) -> Expr { Expr(.window(x, acc), at: loc) }
    func pt(_ e: Expr) -> WindowAccess { .point(e) }
    func slice(_ lo: Expr, _ hi: Expr) -> WindowAccess { .interval(lo, hi) }
    func stride(_ x: Sym, _ d: Int) -> Expr { Expr(.stride(x, d)) }
    func at(_ line: Int, _ column: Int) -> SourceLocation { SourceLocation(line: line, column: column) }

    // Statements
    func loop(_ i: Sym, _ lo: Expr, _ hi: Expr, _ body: [Stmt]) -> Stmt { Stmt(.loop(i, lo, hi, body)) }
    func assign(_ x: Sym, _ idx: [Expr], _ rhs: Expr, at loc: SourceLocation = .unknown) -> Stmt { Stmt(.assign(x, idx, rhs), at: loc) }
    func reduce(_ x: Sym, _ idx: [Expr], _ rhs: Expr, at loc: SourceLocation = .unknown) -> Stmt { Stmt(.reduce(x, idx, rhs), at: loc) }
    func ifElse(_ c: Expr, _ body: [Stmt], else orelse: [Stmt] = []) -> Stmt { Stmt(.ifElse(c, body, orelse)) }
    func alloc(_ x: Sym, _ t: DataType, at loc: SourceLocation = .unknown) -> Stmt { Stmt(.alloc(x, t, .dram), at: loc) }
    func call(_ p: Proc, _ args: Expr..., at loc: SourceLocation = .unknown) -> Stmt { Stmt(.call(p, args), at: loc) }
    func bindWindow(_ w: Sym, _ e: Expr) -> Stmt { Stmt(.windowDef(w, e)) }

    // Parameters
    func index(_ s: Sym) -> Param { Param(name: s, type: .index) }
    func tensor(_ s: Sym, _ shape: [Expr], window: Bool = false) -> Param {
        Param(name: s, type: .tensor(.i32, shape: shape, isWindow: window), memory: .dram)
    }
    func i32(_ shape: Expr...) -> DataType { shape.isEmpty ? .scalar(.i32) : .tensor(.i32, shape: shape, isWindow: false) }

    /// The one bounds violation the checker reports, or nil when it accepts the proc.
    func boundsError(_ proc: Proc) -> KernelError? {
        do {
            try BoundsChecker().check(proc)
            return nil
        } catch {
            return error
        }
    }

    /// The integers after `name = ` in a message ("j = 15, r = 1" -> ["j": 15, "r": 1]).
    func exampleValues(_ message: String) -> [String: Int] {
        guard let eg = message.range(of: "e.g. ") else { return [:] }
        var out: [String: Int] = [:]
        let tail = message[eg.upperBound...].replacingOccurrences(of: " (", with: ", ").replacingOccurrences(of: ")", with: "")
        for part in tail.split(separator: ",") {
            let kv = part.split(separator: "=").map { $0.trimmingCharacters(in: .whitespaces) }
            if kv.count == 2, let x = Int(kv[1]) { out[kv[0]] = x }
        }
        return out
    }
}
