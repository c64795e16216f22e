/// Integer arithmetic as the kernel language defines it on index values:
/// `/` rounds toward minus infinity and `%` takes the sign of the divisor
/// (Python's rules, which Exo inherits), so `-1 / 4 == -1` and `-1 % 4 == 3`.
public enum IndexArithmetic {
    public static func floorDivide(_ a: Int, _ b: Int) -> Int? {
        guard b != 0, !(a == Int.min && b == -1) else { return nil }
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    public static func floorModulo(_ a: Int, _ b: Int) -> Int? {
        guard b != 0, !(a == Int.min && b == -1) else { return nil }
        let r = a % b
        return (r != 0 && (r < 0) != (b < 0)) ? r + b : r
    }
}

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
            case .div: return IndexArithmetic.floorDivide(x, y)
            case .mod: return IndexArithmetic.floorModulo(x, y)
            default: return nil
            }
        default: return nil
        }
    }
}
