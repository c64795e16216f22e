/// Index operations for the interpreter, with Exo's (Python's) semantics
/// (FloorArithmetic) for division and modulo. Overflow of the 64-bit host
/// integer and division by zero are reported, never trapped.
enum IndexOperations {
    static func apply(_ op: BinaryOp, _ a: Int, _ b: Int, at loc: SourceLocation) throws(KernelError) -> Int {
        switch op {
        case .add: return try checked(a.addingReportingOverflow(b), loc)
        case .sub: return try checked(a.subtractingReportingOverflow(b), loc)
        case .mul: return try checked(a.multipliedReportingOverflow(by: b), loc)
        case .div, .mod:
            guard b != 0 else { throw KernelError(.interpreter, "index division by zero", at: loc) }
            guard !(a == Int.min && b == -1) else { throw KernelError(.interpreter, "index arithmetic overflow", at: loc) }
            // Both exist: b != 0 and the one overflowing case is excluded above.
            return (op == .div ? FloorArithmetic.divide(a, b) : FloorArithmetic.modulo(a, b)) ?? 0
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
