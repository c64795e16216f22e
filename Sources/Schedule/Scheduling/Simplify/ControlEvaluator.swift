/// Evaluates control expressions (integers and booleans) under a concrete
/// assignment of their variables; nil when a variable is unassigned, a
/// division is by zero, the arithmetic overflows Int, or the expression reads data.
enum ControlValue: Equatable {
    case int(Int)
    case bool(Bool)
}

struct ControlEvaluator {
    var values: [Sym: Int]

    func int(_ e: Expr) -> Int? {
        if case .int(let v)? = eval(e) { return v }
        return nil
    }
    func bool(_ e: Expr) -> Bool? {
        if case .bool(let v)? = eval(e) { return v }
        return nil
    }

    func eval(_ e: Expr) -> ControlValue? {
        switch e.node {
        case .int(let v): return .int(v)
        case .bool(let b): return .bool(b)
        case .read(let s, let idx):
            guard idx.isEmpty, let v = values[s] else { return nil }
            return .int(v)
        case .float, .window, .stride: return nil
        case .unary(.neg, let a):
            guard let x = int(a), x != Int.min else { return nil }
            return .int(-x)
        case .unary(.not, let a): return bool(a).map { .bool(!$0) }
        case .binary(let op, let a, let b):
            if op == .and || op == .or {
                guard let x = bool(a) else { return nil }
                if op == .and && !x { return .bool(false) }
                if op == .or && x { return .bool(true) }
                return bool(b).map { .bool($0) }
            }
            guard let x = int(a), let y = int(b) else { return nil }
            switch op {
            case .add: return checked(x.addingReportingOverflow(y))
            case .sub: return checked(x.subtractingReportingOverflow(y))
            case .mul: return checked(x.multipliedReportingOverflow(by: y))
            case .div: return FloorArithmetic.divide(x, y).map { .int($0) }
            case .mod: return FloorArithmetic.modulo(x, y).map { .int($0) }
            case .lt: return .bool(x < y)
            case .le: return .bool(x <= y)
            case .gt: return .bool(x > y)
            case .ge: return .bool(x >= y)
            case .eq: return .bool(x == y)
            case .ne: return .bool(x != y)
            case .and, .or: return nil
            }
        }
    }

    private func checked(_ r: (partialValue: Int, overflow: Bool)) -> ControlValue? {
        r.overflow ? nil : .int(r.partialValue)
    }
}
