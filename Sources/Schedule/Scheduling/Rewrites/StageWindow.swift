/// The window argument of `stageMem`: a buffer and, per dimension, a point
/// or a half-open interval (`out[4 * io:4 * io + 4, j]`), in the scope of
/// the staged block. The staging buffer has one dimension per interval.
struct StageWindow {
    let buffer: Sym
    let accesses: [WindowAccess]

    /// `x`, `x[i, j]` (all points) or `x[a:b, j]`, parsed from an expression.
    /// A bare name stands for the whole buffer.
    init(_ e: Expr, shape: (Sym) -> [Expr]?, _ rw: String) throws {
        switch e.node {
        case .read(let x, let idx):
            guard let full = shape(x) else {
                throw KernelError(.schedule, "\(rw): `\(x.name)` is not a data buffer")
            }
            buffer = x
            accesses = idx.isEmpty ? full.map { .interval(.int(0), $0) } : idx.map { .point($0) }
        case .window(let x, let acc):
            guard shape(x) != nil else { throw KernelError(.schedule, "\(rw): `\(x.name)` is not a data buffer") }
            buffer = x
            accesses = acc
        default:
            throw KernelError(.schedule, "\(rw): expected a buffer or window such as `x[0:4, i]`, got `\(StatementText.expr(e))`")
        }
    }

    init(buffer: Sym, accesses: [WindowAccess]) {
        self.buffer = buffer
        self.accesses = accesses
    }

    var text: String { StatementText.expr(Expr(.window(buffer, accesses))) }

    /// Extents of the staging buffer (one per interval dimension).
    func extents(_ simp: IndexSimplifier) -> [Expr] {
        accesses.compactMap { a in
            if case .interval(let lo, let hi) = a { return simp.simplify(hi - lo) }
            return nil
        }
    }

    /// `idx` lies in the window (every dimension).
    func contains(_ idx: [Expr]) -> Expr {
        conjunction(zip(accesses, idx).map { a, e in
            switch a {
            case .point(let p): return Expr(.binary(.eq, e, p))
            case .interval(let lo, let hi):
                return Expr(.binary(.and, Expr(.binary(.le, lo, e)), Expr(.binary(.lt, e, hi))))
            }
        })
    }

    /// The staging buffer's index for an element `idx` of the window.
    func localIndex(_ idx: [Expr], _ simp: IndexSimplifier) -> [Expr] {
        zip(accesses, idx).compactMap { a, e in
            if case .interval(let lo, _) = a { return simp.simplify(e - lo) }
            return nil
        }
    }

    /// The buffer's index of staging element `local` (one expression per interval).
    func globalIndex(_ local: [Expr], _ simp: IndexSimplifier) -> [Expr] {
        var k = 0
        return accesses.map { a in
            switch a {
            case .point(let p): return p
            case .interval(let lo, _):
                defer { k += 1 }
                return simp.simplify(lo + local[k])
            }
        }
    }

    /// The window lies inside a buffer of this shape.
    func inBounds(of shape: [Expr]) -> Expr {
        conjunction(zip(accesses, shape).map { a, n in
            switch a {
            case .point(let p):
                return Expr(.binary(.and, Expr(.binary(.le, .int(0), p)), Expr(.binary(.lt, p, n))))
            case .interval(let lo, let hi):
                return conjunction([Expr(.binary(.le, .int(0), lo)), Expr(.binary(.le, lo, hi)),
                                    Expr(.binary(.le, hi, n))])
            }
        })
    }
}

func conjunction(_ parts: [Expr]) -> Expr {
    parts.dropFirst().reduce(parts.first ?? Expr(.bool(true))) { Expr(.binary(.and, $0, $1)) }
}

func disjunction(_ parts: [Expr]) -> Expr {
    parts.dropFirst().reduce(parts.first ?? Expr(.bool(false))) { Expr(.binary(.or, $0, $1)) }
}
