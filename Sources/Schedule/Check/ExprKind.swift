/// What an expression denotes, as the type checker classifies it. Index
/// expressions (constants, sizes, loop variables, booleans, strides) drive
/// control; data expressions are values of tensors and scalars. Exo keeps the
/// two apart: no data value in an index, no index value in data.
public enum ExprKind: Hashable, Sendable {
    /// Integer arithmetic on literals only (`4 * 2`).
    case constant
    /// Built from size arguments and constants.
    case size
    /// Mentions a loop variable or an index argument.
    case index
    case bool
    /// `stride(x, d)`: only compared with `==`/`!=`.
    case stride
    /// A data scalar; nil for an untyped literal (`0`, `0.0`), which fits any element type.
    case scalar(ScalarType?)
    /// A whole tensor or a window (`x`, `x[0:4, i]`).
    case tensor(ScalarType, shape: [Expr], isWindow: Bool)

    /// An integer index value (constant, size or index).
    public var isInteger: Bool {
        switch self {
        case .constant, .size, .index: true
        default: false
        }
    }
}

/// What the checker records about each symbol of a proc.
public struct SymbolInfo: Hashable, Sendable {
    public enum Role: Hashable, Sendable {
        case parameter, loopVariable, allocation, window
    }
    /// Loop variables are `.index`; a window is a `.tensor(_, _, isWindow: true)`.
    public var type: DataType
    /// Where the data lives (for a window: the memory of the tensor it views); nil for control values.
    public var memory: MemoryName?
    public var role: Role
    public var loc: SourceLocation

    public init(type: DataType, memory: MemoryName?, role: Role, loc: SourceLocation) {
        self.type = type
        self.memory = memory
        self.role = role
        self.loc = loc
    }
}

/// Every symbol a proc defines, with its type and memory: the environment the
/// type checker built, handed on to the checks and code generation after it.
public struct SymbolTable: Sendable {
    public var symbols: [Sym: SymbolInfo] = [:]
    public init() {}
    public subscript(_ s: Sym) -> SymbolInfo? { symbols[s] }
}
