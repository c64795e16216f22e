/// A proc argument: `name: type @ memory` (memory only for data arguments).
public struct Param: Hashable, Sendable {
    public var name: Sym
    public var type: DataType
    public var memory: MemoryName?

    public init(name: Sym, type: DataType, memory: MemoryName? = nil) {
        self.name = name
        self.type = type
        self.memory = memory
    }
}

/// A proc: `@proc` (an algorithm or scheduled kernel) or `@instr("C template")`
/// (a hardware instruction whose body is its meaning).
public struct Proc: Hashable, Sendable {
    public var name: String
    public var params: [Param]
    /// `assert` preconditions at the top of the body.
    public var preconditions: [Expr]
    public var body: [Stmt]
    /// The C template of an `@instr` proc; nil for a plain proc.
    public var instructionTemplate: String?
    public var loc: SourceLocation

    public init(name: String, params: [Param], preconditions: [Expr] = [], body: [Stmt],
                instructionTemplate: String? = nil, at loc: SourceLocation = .unknown) {
        self.name = name
        self.params = params
        self.preconditions = preconditions
        self.body = body
        self.instructionTemplate = instructionTemplate
        self.loc = loc
    }

    public var isInstruction: Bool { instructionTemplate != nil }

    public static func == (a: Proc, b: Proc) -> Bool {
        a.name == b.name && a.params == b.params && a.preconditions == b.preconditions
            && a.body == b.body && a.instructionTemplate == b.instructionTemplate
    }
    public func hash(into h: inout Hasher) {
        h.combine(name)
        h.combine(body)
    }
}

/// The procs of one kernel file, in definition order (a call may only name
/// a proc defined above it, as in Exo's Python).
public struct KernelModule: Sendable {
    public var procs: [Proc]
    public init(procs: [Proc]) { self.procs = procs }
    public func proc(named name: String) -> Proc? { procs.first { $0.name == name } }
}
