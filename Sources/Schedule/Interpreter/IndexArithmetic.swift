/// Index arithmetic with Exo's (Python's) semantics: floor division and a
/// modulo whose sign follows the divisor. Overflow of the 64-bit host
/// integer and division by zero are reported, never trapped.
enum IndexArithmetic {
    static func floorDiv(_ a: Int, _ b: Int) -> Int {
        let q = a / b
        return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q
    }

    static func floorMod(_ a: Int, _ b: Int) -> Int {
        let r = a % b
        return (r != 0 && ((r < 0) != (b < 0))) ? r + b : r
    }

    static func apply(_ op: BinaryOp, _ a: Int, _ b: Int, at loc: SourceLocation) throws(KernelError) -> Int {
        switch op {
        case .add: return try checked(a.addingReportingOverflow(b), loc)
        case .sub: return try checked(a.subtractingReportingOverflow(b), loc)
        case .mul: return try checked(a.multipliedReportingOverflow(by: b), loc)
        case .div, .mod:
            guard b != 0 else { throw KernelError(.interpreter, "index division by zero", at: loc) }
            guard !(a == Int.min && b == -1) else { throw KernelError(.interpreter, "index arithmetic overflow", at: loc) }
            return op == .div ? floorDiv(a, b) : floorMod(a, b)
        case .lt: return a < b ? 1 : 0
        case .le: return a <= b ? 1 : 0
        case .gt: return a > b ? 1 : 0
        case .ge: return a >= b ? 1 : 0
        case .eq: return a == b ? 1 : 0
        case .ne: return a != b ? 1 : 0
        case .and: return (a != 0 && b != 0) ? 1 : 0
        case .or: return (a != 0 || b != 0) ? 1 : 0
        }
    }

    private static func checked(_ r: (partialValue: Int, overflow: Bool), _ loc: SourceLocation) throws(KernelError) -> Int {
        if r.overflow { throw KernelError(.interpreter, "index arithmetic overflow", at: loc) }
        return r.partialValue
    }
}
