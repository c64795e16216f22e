extension Expr {
    /// The value of an integer expression made only of literals (`4 * 2 + 1`),
    /// nil when it mentions a variable, divides by zero or overflows.
    public var foldedConstant: Int? {
        switch node {
        case .int(let v): return v
        case .unary(.neg, let a):
            guard let v = a.foldedConstant, v != Int.min else { return nil }
            return -v
        case .binary(let op, let a, let b):
            guard let x = a.foldedConstant, let y = b.foldedConstant else { return nil }
            switch op {
            case .add: let r = x.addingReportingOverflow(y); return r.overflow ? nil : r.partialValue
            case .sub: let r = x.subtractingReportingOverflow(y); return r.overflow ? nil : r.partialValue
            case .mul: let r = x.multipliedReportingOverflow(by: y); return r.overflow ? nil : r.partialValue
            case .div: return FloorArithmetic.divide(x, y)
            case .mod: return FloorArithmetic.modulo(x, y)
            default: return nil
            }
        default: return nil
        }
    }
}
