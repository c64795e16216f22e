/// A data value during evaluation. Integer arithmetic follows C on a 32-bit
/// int: i8/i16 operands are promoted, every result wraps to 32 bits
/// (two's complement), division truncates toward zero. Stores then wrap to
/// the element width. f32 arithmetic is Float; mixing promotes to Float.
enum DataValue: Equatable {
    case int(Int)
    case float(Float)

    var asFloat: Float {
        switch self {
        case .int(let v): Float(v)
        case .float(let f): f
        }
    }

    /// The integer a C conversion to `type` starts from (floats truncate toward zero).
    func asInt(for type: ScalarType) throws(KernelError) -> Int {
        switch self {
        case .int(let v): return v
        case .float(let f):
            // C leaves a float-to-integer conversion out of the target's range undefined.
            let limit = Float(1 << (type.bitWidth - 1))
            guard f.isFinite, f.rounded(.towardZero) >= -limit, f.rounded(.towardZero) < limit else {
                throw KernelError(.interpreter, "float value \(f) does not fit in \(type.rawValue)")
            }
            return Int(f)
        }
    }

    @inline(__always) static func wrap32(_ v: Int) -> Int { Int(Int32(truncatingIfNeeded: v)) }

    static func apply(_ op: BinaryOp, _ a: DataValue, _ b: DataValue, at loc: SourceLocation) throws(KernelError) -> DataValue {
        if case .int(let x) = a, case .int(let y) = b {
            switch op {
            case .add: return .int(wrap32(x &+ y))
            case .sub: return .int(wrap32(x &- y))
            case .mul: return .int(wrap32(x &* y))
            case .div, .mod:
                guard y != 0 else { throw KernelError(.interpreter, "data division by zero", at: loc) }
                // C semantics: truncation toward zero, remainder has the dividend's sign.
                return .int(wrap32(op == .div ? x / y : x % y))
            default: throw KernelError(.interpreter, "operator '\(op.rawValue)' is not a data operation", at: loc)
            }
        }
        let x = a.asFloat, y = b.asFloat
        switch op {
        case .add: return .float(x + y)
        case .sub: return .float(x - y)
        case .mul: return .float(x * y)
        case .div: return .float(x / y)
        case .mod: return .float(x.truncatingRemainder(dividingBy: y))
        default: throw KernelError(.interpreter, "operator '\(op.rawValue)' is not a data operation", at: loc)
        }
    }

    func negated() -> DataValue {
        switch self {
        case .int(let v): .int(DataValue.wrap32(0 &- v))
        case .float(let f): .float(-f)
        }
    }
}
