/// A pointer into one version of a proc, as in Exo: a statement, a block
/// of consecutive statements, a gap between statements, or an expression
/// inside a statement. Cursors are values tied to the `Procedure` they were
/// taken from; pass them to a later version's rewrites (or `forward`) and
/// they are moved through the rewrites in between.
public struct Cursor: Sendable, CustomStringConvertible {
    public enum Kind: Sendable { case statement, block, gap, expression }

    let place: Place
    /// The proc the place refers to, and the id of its `Procedure` version.
    let ir: Proc
    let procID: Int

    init(_ place: Place, in ir: Proc, procID: Int) {
        self.place = place
        self.ir = ir
        self.procID = procID
    }

    public var kind: Kind {
        switch place.kind {
        case .statement: .statement
        case .block: .block
        case .gap: .gap
        case .expression: .expression
        }
    }

    /// The path of block indices from the proc body to the statement (or the
    /// first statement of a block, or the statement after a gap).
    public var path: [TreeStep] { place.owner + [TreeStep(block: place.block, index: place.lo)] }

    // MARK: what the cursor points at

    /// The statement of a statement or expression cursor.
    public var stmt: Stmt {
        get throws {
            guard place.kind == .statement || place.kind == .expression,
                  let s = StatementTree.stmt(ir.body, at: place.stmtPath) else {
                throw misuse("is not a statement cursor")
            }
            return s
        }
    }

    /// The statements of a block cursor (or the single statement of a statement cursor).
    public var stmts: [Stmt] {
        get throws {
            guard place.kind != .expression, let b = StatementTree.block(ir.body, owner: place.owner, block: place.block),
                  place.lo >= 0, place.hi <= b.count else { throw misuse("does not point at statements") }
            return Array(b[place.lo..<place.hi])
        }
    }

    /// The expression of an expression cursor.
    public var expr: Expr {
        get throws {
            guard place.kind == .expression, let e = StatementTree.expr(in: try stmt, at: place.exprPath) else {
                throw misuse("is not an expression cursor")
            }
            return e
        }
    }

    /// The name of a loop's variable, an allocation, an assigned or reduced
    /// buffer, a window definition or a called proc; for a read expression,
    /// the name read.
    public var name: String {
        get throws {
            if place.kind == .expression {
                switch try expr.node {
                case .read(let s, _), .window(let s, _), .stride(let s, _): return s.name
                default: throw misuse("points at an expression without a name")
                }
            }
            switch try stmt.node {
            case .loop(let i, _, _, _): return i.name
            case .alloc(let x, _, _), .assign(let x, _, _), .reduce(let x, _, _), .windowDef(let x, _): return x.name
            case .call(let p, _): return p.name
            default: throw misuse("points at a statement without a name")
            }
        }
    }

    /// The integer value of a literal expression.
    public var value: Int {
        get throws {
            guard let v = try expr.intValue else { throw misuse("is not an integer literal") }
            return v
        }
    }

    public var isLoop: Bool { if case .loop? = try? stmt.node { true } else { false } }
    public var isIf: Bool { if case .ifElse? = try? stmt.node { true } else { false } }
    public var isAlloc: Bool { if case .alloc? = try? stmt.node { true } else { false } }
    public var isCall: Bool { if case .call? = try? stmt.node { true } else { false } }

    public var description: String {
        switch place.kind {
        case .statement: (try? stmt).map { "Cursor(\(StatementText.headline($0)))" } ?? "Cursor(invalid)"
        case .expression: (try? expr).map { "Cursor(\(StatementText.expr($0)))" } ?? "Cursor(invalid)"
        case .block: (try? stmts).map { "Cursor(block of \($0.count): \($0.first.map(StatementText.headline) ?? ""))" } ?? "Cursor(invalid)"
        case .gap: "Cursor(gap at \(path))"
        }
    }

    /// "next: cursor at `x = 1` has no statement 1 after it": named after the
    /// navigation that failed, as rewrite errors are named after the rewrite.
    func misuse(_ what: String, _ function: String = #function) -> KernelError {
        let name = function.prefix { $0 != "(" }
        return KernelError(.schedule, "\(name): cursor \(self.placeText) \(what)")
    }

    private var placeText: String {
        switch place.kind {
        case .statement, .expression:
            (StatementTree.stmt(ir.body, at: place.stmtPath)).map { "at `\(StatementText.headline($0))`" } ?? "at \(path)"
        case .block: "to a block at \(path)"
        case .gap: "to a gap at \(path)"
        }
    }

    func with(_ place: Place) -> Cursor { Cursor(place, in: ir, procID: procID) }
}
