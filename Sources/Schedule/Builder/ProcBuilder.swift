/// Builds a `Proc` in Swift, in the order kernel text declares it:
///
///     var b = ProcBuilder("scale")
///     let n = b.size("n")
///     let x = b.tensor("x", .i32, [n])
///     b.assert(n % 4 == 0)
///     let p = b.build { forLoop("i", 0, n) { i in assign(x[i], x[i] * 2) } }
public struct ProcBuilder {
    public var name: String
    public var instructionTemplate: String?
    public private(set) var params: [Param] = []
    public private(set) var preconditions: [Expr] = []

    /// A plain `@proc`, or an `@instr(template)` when `instruction` is given.
    public init(_ name: String, instruction: String? = nil) {
        self.name = name
        self.instructionTemplate = instruction
    }

    private mutating func add(_ name: String, _ type: DataType, _ memory: MemoryName?) -> Term {
        let s = Sym(name)
        params.append(Param(name: s, type: type, memory: memory))
        return Term(s)
    }

    /// `name: size`.
    public mutating func size(_ name: String) -> Term { add(name, .size, nil) }
    /// `name: index`.
    public mutating func index(_ name: String) -> Term { add(name, .index, nil) }
    /// `name: bool`.
    public mutating func bool(_ name: String) -> Term { add(name, .bool, nil) }
    /// `name: i32 @ memory` (a data scalar, passed by reference).
    public mutating func scalar(_ name: String, _ type: ScalarType, _ memory: MemoryName = .dram) -> Term {
        add(name, .scalar(type), memory)
    }
    /// `name: i32[shape] @ memory`.
    public mutating func tensor(_ name: String, _ type: ScalarType, _ shape: [Term],
                                _ memory: MemoryName = .dram) -> Term {
        add(name, .tensor(type, shape: shape.map(\.expr), isWindow: false), memory)
    }
    /// `name: [i32][shape] @ memory` (a window argument).
    public mutating func window(_ name: String, _ type: ScalarType, _ shape: [Term],
                                _ memory: MemoryName = .dram) -> Term {
        add(name, .tensor(type, shape: shape.map(\.expr), isWindow: true), memory)
    }

    /// `assert cond` at the top of the body.
    public mutating func assert(_ cond: Term) { preconditions.append(cond.expr) }

    public func build(@BlockBuilder _ body: () -> [Stmt]) -> Proc {
        Proc(name: name, params: params, preconditions: preconditions, body: body(),
             instructionTemplate: instructionTemplate)
    }
}
