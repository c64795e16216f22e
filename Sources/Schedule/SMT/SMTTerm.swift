/// A term of quantifier-free integer/boolean arithmetic: what the solver
/// reasons about. A plain Swift value (hashable, sendable), so it can be built
/// anywhere, cached by value and shared across threads; a `SMTContext` turns it
/// into z3 terms only when a query needs it.
///
/// The constructors fold constants and drop neutral elements exactly (ints
/// are unbounded in the solver; folding that would overflow `Int` is skipped),
/// which keeps queries small and makes equal queries hash equal.
public struct SMTTerm: Hashable, Sendable {
    public enum Comparison: Hashable, Sendable { case lt, le, eq }

    public indirect enum Node: Hashable, Sendable {
        case int(Int)
        case bool(Bool)
        case variable(SMTVariable)
        case add(SMTTerm, SMTTerm)
        case sub(SMTTerm, SMTTerm)
        case mul(SMTTerm, SMTTerm)
        /// Floor division and modulo (Python's `//` and `%`, see `FloorArithmetic`).
        case floorDiv(SMTTerm, SMTTerm)
        case floorMod(SMTTerm, SMTTerm)
        /// `lt`/`le` on ints; `eq` on two terms of the same sort.
        case compare(Comparison, SMTTerm, SMTTerm)
        case not(SMTTerm)
        case and([SMTTerm])
        case or([SMTTerm])
        case implies(SMTTerm, SMTTerm)
        case ite(SMTTerm, SMTTerm, SMTTerm)
    }

    public let node: Node
    private init(_ node: Node) { self.node = node }

    /// The sort of the term's value. Ill-sorted terms (an int added to a bool)
    /// can be built; a context refuses them with an error instead of passing them to z3.
    public var sort: SMTVariable.Sort {
        switch node {
        case .int, .add, .sub, .mul, .floorDiv, .floorMod: .int
        case .bool, .compare, .not, .and, .or, .implies: .bool
        case .variable(let v): v.sort
        case .ite(_, let a, _): a.sort
        }
    }

    public var intValue: Int? { if case .int(let v) = node { v } else { nil } }
    public var boolValue: Bool? { if case .bool(let v) = node { v } else { nil } }

    // MARK: Leaves

    public static func int(_ v: Int) -> SMTTerm { SMTTerm(.int(v)) }
    public static func bool(_ v: Bool) -> SMTTerm { SMTTerm(.bool(v)) }
    public static let `true` = SMTTerm.bool(true)
    public static let `false` = SMTTerm.bool(false)
    public static func variable(_ v: SMTVariable) -> SMTTerm { SMTTerm(.variable(v)) }
    /// A fresh integer variable (tests and ad-hoc proofs).
    public static func freshInt(_ name: String) -> SMTTerm { .variable(.fresh(name)) }
    public static func freshBool(_ name: String) -> SMTTerm { .variable(.fresh(name, sort: .bool)) }

    // MARK: Arithmetic

    public static func + (a: SMTTerm, b: SMTTerm) -> SMTTerm {
        if let x = a.intValue, let y = b.intValue {
            let (s, o) = x.addingReportingOverflow(y)
            if !o { return .int(s) }
        }
        if a.intValue == 0 { return b }
        if b.intValue == 0 { return a }
        return SMTTerm(.add(a, b))
    }

    public static func - (a: SMTTerm, b: SMTTerm) -> SMTTerm {
        if let x = a.intValue, let y = b.intValue {
            let (d, o) = x.subtractingReportingOverflow(y)
            if !o { return .int(d) }
        }
        if b.intValue == 0 { return a }
        if a == b, a.sort == .int { return .int(0) }
        return SMTTerm(.sub(a, b))
    }

    public static prefix func - (a: SMTTerm) -> SMTTerm { .int(0) - a }

    public static func * (a: SMTTerm, b: SMTTerm) -> SMTTerm {
        if let x = a.intValue, let y = b.intValue {
            let (p, o) = x.multipliedReportingOverflow(by: y)
            if !o { return .int(p) }
        }
        if a.intValue == 1 { return b }
        if b.intValue == 1 { return a }
        if (a.intValue == 0 && b.sort == .int) || (b.intValue == 0 && a.sort == .int) { return .int(0) }
        return SMTTerm(.mul(a, b))
    }

    /// Python's `a // b`. Division by zero is left to the solver, which treats
    /// `a // 0` as an unknown value (no claim about it can be proved).
    public static func floorDiv(_ a: SMTTerm, _ b: SMTTerm) -> SMTTerm {
        if let x = a.intValue, let y = b.intValue, let q = FloorArithmetic.divide(x, y) { return .int(q) }
        if b.intValue == 1 { return a }
        return SMTTerm(.floorDiv(a, b))
    }

    /// Python's `a % b` (sign of the divisor).
    public static func floorMod(_ a: SMTTerm, _ b: SMTTerm) -> SMTTerm {
        if let x = a.intValue, let y = b.intValue, let r = FloorArithmetic.modulo(x, y) { return .int(r) }
        if b.intValue == 1, a.sort == .int { return .int(0) }
        return SMTTerm(.floorMod(a, b))
    }

    // MARK: Comparisons

    public static func lt(_ a: SMTTerm, _ b: SMTTerm) -> SMTTerm {
        if let x = a.intValue, let y = b.intValue { return .bool(x < y) }
        if a == b, a.sort == .int { return .false }
        return SMTTerm(.compare(.lt, a, b))
    }
    public static func le(_ a: SMTTerm, _ b: SMTTerm) -> SMTTerm {
        if let x = a.intValue, let y = b.intValue { return .bool(x <= y) }
        if a == b, a.sort == .int { return .true }
        return SMTTerm(.compare(.le, a, b))
    }
    public static func gt(_ a: SMTTerm, _ b: SMTTerm) -> SMTTerm { lt(b, a) }
    public static func ge(_ a: SMTTerm, _ b: SMTTerm) -> SMTTerm { le(b, a) }
    public static func eq(_ a: SMTTerm, _ b: SMTTerm) -> SMTTerm {
        if let x = a.intValue, let y = b.intValue { return .bool(x == y) }
        if let x = a.boolValue, let y = b.boolValue { return .bool(x == y) }
        if a == b { return .true }
        return SMTTerm(.compare(.eq, a, b))
    }
    public static func ne(_ a: SMTTerm, _ b: SMTTerm) -> SMTTerm { !eq(a, b) }

    // MARK: Logic

    public static prefix func ! (a: SMTTerm) -> SMTTerm {
        if let v = a.boolValue { return .bool(!v) }
        if case .not(let inner) = a.node { return inner }
        return SMTTerm(.not(a))
    }

    /// Conjunction; nested conjunctions are flattened, `true` dropped, `false` absorbs.
    public static func and(_ terms: [SMTTerm]) -> SMTTerm {
        var parts: [SMTTerm] = []
        parts.reserveCapacity(terms.count)
        for t in terms {
            if t.boolValue == true { continue }
            if t.boolValue == false { return .false }
            if case .and(let inner) = t.node { parts.append(contentsOf: inner) } else { parts.append(t) }
        }
        if parts.isEmpty { return .true }
        return parts.count == 1 ? parts[0] : SMTTerm(.and(parts))
    }

    /// Disjunction; nested disjunctions are flattened, `false` dropped, `true` absorbs.
    public static func or(_ terms: [SMTTerm]) -> SMTTerm {
        var parts: [SMTTerm] = []
        parts.reserveCapacity(terms.count)
        for t in terms {
            if t.boolValue == false { continue }
            if t.boolValue == true { return .true }
            if case .or(let inner) = t.node { parts.append(contentsOf: inner) } else { parts.append(t) }
        }
        if parts.isEmpty { return .false }
        return parts.count == 1 ? parts[0] : SMTTerm(.or(parts))
    }

    public static func && (a: SMTTerm, b: SMTTerm) -> SMTTerm { and([a, b]) }
    public static func || (a: SMTTerm, b: SMTTerm) -> SMTTerm { or([a, b]) }

    public static func implies(_ a: SMTTerm, _ b: SMTTerm) -> SMTTerm {
        if a.boolValue == false || b.boolValue == true { return .true }
        if a.boolValue == true { return b }
        return SMTTerm(.implies(a, b))
    }

    /// `if c then a else b` (a and b of the same sort).
    public static func ite(_ c: SMTTerm, _ a: SMTTerm, _ b: SMTTerm) -> SMTTerm {
        if let v = c.boolValue { return v ? a : b }
        if a == b { return a }
        return SMTTerm(.ite(c, a, b))
    }

    // MARK: Inspection

    /// Direct sub-terms, left to right.
    public var children: [SMTTerm] {
        switch node {
        case .int, .bool, .variable: []
        case .add(let a, let b), .sub(let a, let b), .mul(let a, let b), .floorDiv(let a, let b),
             .floorMod(let a, let b), .compare(_, let a, let b), .implies(let a, let b): [a, b]
        case .not(let a): [a]
        case .and(let ts), .or(let ts): ts
        case .ite(let c, let a, let b): [c, a, b]
        }
    }

    /// Free variables in order of first appearance (left to right), without repeats.
    public var variables: [SMTVariable] {
        var seen = Set<SMTVariable>()
        var out: [SMTVariable] = []
        collectVariables(&seen, &out)
        return out
    }

    func collectVariables(_ seen: inout Set<SMTVariable>, _ out: inout [SMTVariable]) {
        if case .variable(let v) = node {
            if seen.insert(v).inserted { out.append(v) }
            return
        }
        for c in children { c.collectVariables(&seen, &out) }
    }
}
