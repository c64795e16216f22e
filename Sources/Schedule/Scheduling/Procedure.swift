import Synchronization

/// A proc being scheduled: an immutable value whose rewrites return new
/// versions, as in Exo's Python API. Each version remembers how it was
/// derived, so a cursor taken on any earlier version can be passed to a
/// rewrite of a later one (it is forwarded through the rewrites in between,
/// or the rewrite reports that its target was removed).
///
///     let p2 = try p.divideLoop(p.findLoop("i"), by: 4, newNames: ("io", "ii"), tail: .perfect)
public struct Procedure: Sendable, CustomStringConvertible {
    /// The proc in the IR.
    public let ir: Proc
    /// Decides every soundness question the rewrites ask.
    public let oracle: any SoundnessOracle
    /// Identity of this version, for cursor forwarding.
    let id: Int
    /// How this version was derived from its ancestors, oldest first.
    let lineage: [LineageStep]

    struct LineageStep: Sendable {
        let fromID: Int
        let rewrite: String
        let forward: Forwarding
        /// The rewrite's arguments as text (cursor targets, numbers, names), for the step-by-step view.
        var arguments: [String] = []
        /// The proc the rewrite was applied to.
        var source: Proc? = nil
    }

    private static let counter = Atomic<Int>(0)
    private static func freshID() -> Int { counter.add(1, ordering: .relaxed).newValue }

    public init(_ proc: Proc, oracle: any SoundnessOracle = TieredOracle.shared) {
        self.ir = proc
        self.oracle = oracle
        self.id = Self.freshID()
        self.lineage = []
    }

    private init(ir: Proc, oracle: any SoundnessOracle, lineage: [LineageStep]) {
        self.ir = ir
        self.oracle = oracle
        self.id = Self.freshID()
        self.lineage = lineage
    }

    public var name: String { ir.name }
    /// The names of the rewrites applied so far, in order.
    public var history: [String] { lineage.map(\.rewrite) }
    public var description: String { StatementText.proc(ir) }

    /// A new version with `proc` as its IR, derived from this one by `rewrite`.
    func derived(_ rewrite: String, _ proc: Proc, _ forward: @escaping Forwarding,
                 arguments: [String] = []) -> Procedure {
        let step = LineageStep(fromID: id, rewrite: rewrite, forward: forward, arguments: arguments, source: ir)
        return Procedure(ir: proc, oracle: oracle, lineage: lineage + [step])
    }

    /// A new version whose body is `body`.
    func derived(_ rewrite: String, body: [Stmt], _ forward: @escaping Forwarding,
                 arguments: [String] = []) -> Procedure {
        var p = ir
        p.body = body
        return derived(rewrite, p, forward, arguments: arguments)
    }

    // MARK: cursors

    /// Moves a cursor taken on this version or an ancestor to this version.
    public func forward(_ c: Cursor) throws -> Cursor {
        if c.procID == id { return c }
        guard let start = lineage.firstIndex(where: { $0.fromID == c.procID }) else {
            throw KernelError(.schedule, "forward: cursor \(c) does not come from `\(name)` or a version it was derived from")
        }
        var place = c.place
        for step in lineage[start...] {
            guard let next = step.forward(place) else {
                throw KernelError(.schedule, "forward: cursor target was removed by \(step.rewrite): \(c)")
            }
            place = next
        }
        return Cursor(place, in: ir, procID: id)
    }

    /// The whole body as a block cursor.
    public func body() -> Cursor {
        Cursor(.block(owner: [], block: 0, 0..<ir.body.count), in: ir, procID: id)
    }

    /// The first match of an Exo pattern (or the `#n`-th, 0-based).
    public func find(_ pattern: String) throws -> Cursor {
        var q = try PatternParser.query(pattern)
        if q.matchNumber == nil { q.matchNumber = 0 }
        guard let place = PatternMatcher(body: ir.body).find(q).first else {
            if let n = q.matchNumber, n > 0 {
                var all = q
                all.matchNumber = nil
                let count = PatternMatcher(body: ir.body).find(all).count
                if count > 0 {
                    throw KernelError(.schedule, "find: pattern `\(pattern)` asks for match #\(n), but \(name) has \(count) match\(count == 1 ? "" : "es") (#0 to #\(count - 1))")
                }
            }
            throw KernelError(.schedule, "find: no match for pattern `\(pattern)` in \(name)")
        }
        return Cursor(place, in: ir, procID: id)
    }

    /// Every match of an Exo pattern, in program order.
    public func findAll(_ pattern: String) throws -> [Cursor] {
        let q = try PatternParser.query(pattern)
        return PatternMatcher(body: ir.body).find(q).map { Cursor($0, in: ir, procID: id) }
    }

    /// The loop over `name` (`"i"`, or `"i #1"` for the second such loop).
    public func findLoop(_ name: String) throws -> Cursor {
        let (iter, suffix) = try Self.nameAndMatch(name, "findLoop", "a loop variable")
        return try find("for \(iter) in _: _" + suffix)
    }

    /// The allocation of `name` (`"y"` or `"y #1"`).
    public func findAlloc(_ name: String) throws -> Cursor {
        let (buffer, suffix) = try Self.nameAndMatch(name, "findAlloc", "a buffer")
        return try find("\(buffer) : _" + suffix)
    }

    /// `"i #1"` as (`i`, `" #1"`); the name may be `_` (any).
    private static func nameAndMatch(_ text: String, _ function: String, _ what: String) throws -> (String, String) {
        let hash = text.firstIndex(of: "#")
        let name = text[..<(hash ?? text.endIndex)].trimmingSpaces
        guard name == "_" || isIdentifier(name) else {
            throw KernelError(.schedule, "\(function): expected the name of \(what), optionally followed by `#n`, got `\(text)`")
        }
        return (name, hash.map { " " + text[$0...] } ?? "")
    }

    /// A statement or expression cursor resolved on this version (forwarded if older).
    func resolve(_ c: Cursor, _ rewrite: String, as kinds: Set<Place.Kind>) throws -> Place {
        let f: Cursor
        do {
            f = try forward(c)
        } catch let e as KernelError {
            let reason = e.message.hasPrefix("forward: ") ? String(e.message.dropFirst("forward: ".count)) : e.message
            throw KernelError(.schedule, "\(rewrite): \(reason)")
        }
        guard Self.exists(f.place, in: ir.body) else {
            throw KernelError(.schedule, "\(rewrite): cursor \(c) does not point into `\(name)`")
        }
        guard kinds.contains(f.place.kind) else {
            let want = kinds.map { "\($0)" }.sorted().joined(separator: " or ")
            throw KernelError(.schedule, "\(rewrite): expected a \(want) cursor, got \(c)")
        }
        return f.place
    }

    /// Whether a place denotes existing statements (or a gap, or an expression) of `body`.
    static func exists(_ place: Place, in body: [Stmt]) -> Bool {
        guard let block = StatementTree.block(body, owner: place.owner, block: place.block),
              place.lo >= 0, place.hi <= block.count, place.lo <= place.hi else { return false }
        switch place.kind {
        case .gap: return place.lo == place.hi
        case .statement: return place.hi == place.lo + 1
        case .block: return place.hi > place.lo
        case .expression: return place.hi == place.lo + 1 && StatementTree.expr(in: block[place.lo], at: place.exprPath) != nil
        }
    }

    func stmt(at place: Place, _ rewrite: String) throws -> Stmt {
        guard let s = StatementTree.stmt(ir.body, at: place.stmtPath) else {
            throw KernelError(.schedule, "\(rewrite): cursor does not point at a statement of \(name)")
        }
        return s
    }
}
