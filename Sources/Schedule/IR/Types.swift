/// Element types of data (scalars and tensor elements).
public enum ScalarType: String, Hashable, Sendable, CaseIterable {
    case i8, i16, i32, f32

    public var isFloat: Bool { self == .f32 }
    public var bitWidth: Int {
        switch self {
        case .i8: 8
        case .i16: 16
        case .i32, .f32: 32
        }
    }
}

/// The type of a proc argument, an allocation or an expression.
/// Control types (`index`, `size`, `bool`) describe loop and size values;
/// data types are scalars or tensors whose shape may be symbolic.
public indirect enum DataType: Hashable, Sendable {
    /// A loop variable or index expression (integer, may be negative).
    case index
    /// A size argument: a non-negative integer fixed for a call.
    case size
    /// A boolean (arguments and conditions).
    case bool
    /// A data scalar (`x: i32`).
    case scalar(ScalarType)
    /// A tensor `i32[n, 4]`; `isWindow` for window arguments `[i32][4, 4]`
    /// (which may have non-unit strides).
    case tensor(ScalarType, shape: [Expr], isWindow: Bool)

    /// Element type of data types, nil for control types.
    public var elementType: ScalarType? {
        switch self {
        case .scalar(let s), .tensor(let s, _, _): s
        default: nil
        }
    }

    /// Shape of a tensor; `[]` for a scalar or control value.
    public var shape: [Expr] {
        if case .tensor(_, let shape, _) = self { return shape }
        return []
    }

    public var isData: Bool { elementType != nil }
    public var isControl: Bool { !isData }
}

/// The name of a memory (`DRAM`, `DRAM_STATIC`, `RVM_TILE`, or a user memory);
/// the memory's behaviour lives in a registry consulted by checks and codegen.
public struct MemoryName: Hashable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }

    public static let dram: MemoryName = "DRAM"
}
