/// Checks a proc's types: index versus data expressions, number of indices,
/// writes only to data, window shapes, call arguments (count, kind, element
/// type, rank, constant extents, memory). Errors are `KernelError(.type, ...)`
/// at the offending expression or statement. Bounds are not checked here.
public struct TypeChecker: Sendable {
    /// Whether a tensor living in `argument` may be passed where a proc expects
    /// `parameter`. The memory registry can supply its own rule.
    public typealias MemoryAcceptance = @Sendable (_ parameter: MemoryName, _ argument: MemoryName) -> Bool

    /// Same memory, or DRAM_STATIC passed as DRAM (static arrays are DRAM, as in Exo's class hierarchy).
    public static let defaultMemoryAcceptance: MemoryAcceptance = { parameter, argument in
        parameter == argument || (parameter == .dram && argument == "DRAM_STATIC")
    }

    public var memoryAccepts: MemoryAcceptance

    public init(memoryAccepts: @escaping MemoryAcceptance = TypeChecker.defaultMemoryAcceptance) {
        self.memoryAccepts = memoryAccepts
    }

    /// Checks one proc and returns the types of all its symbols.
    @discardableResult
    public func check(_ proc: Proc) throws(KernelError) -> SymbolTable {
        var env = TypeEnvironment(memoryAccepts: memoryAccepts)
        try env.checkProc(proc)
        return env.table
    }

    /// Checks every proc of a module, in order; returns their symbol tables by name.
    @discardableResult
    public func check(_ module: KernelModule) throws(KernelError) -> [String: SymbolTable] {
        var out: [String: SymbolTable] = [:]
        for p in module.procs { out[p.name] = try check(p) }
        return out
    }
}

/// The checker's state while walking one proc: every symbol seen (the table)
/// and those visible at this point (block-scoped, undone when a block ends).
public struct TypeEnvironment: Sendable {
    public private(set) var table = SymbolTable()
    var visible: Set<Sym> = []
    let memoryAccepts: TypeChecker.MemoryAcceptance

    init(memoryAccepts: @escaping TypeChecker.MemoryAcceptance) {
        self.memoryAccepts = memoryAccepts
    }

    /// An environment holding a proc's parameters (and nothing of its body),
    /// for classifying expressions the way the checker does.
    public init(parametersOf proc: Proc) {
        memoryAccepts = TypeChecker.defaultMemoryAcceptance
        for p in proc.params {
            define(p.name, SymbolInfo(type: p.type, memory: p.type.isData ? (p.memory ?? .dram) : nil,
                                      role: .parameter, loc: proc.loc))
        }
    }

    func error(_ message: String, at loc: SourceLocation) -> KernelError {
        KernelError(.type, message, at: loc)
    }

    /// Makes a symbol visible from here on (for callers walking a proc themselves).
    public mutating func define(_ s: Sym, _ info: SymbolInfo) {
        table.symbols[s] = info
        visible.insert(s)
    }

    func info(_ s: Sym, at loc: SourceLocation) throws(KernelError) -> SymbolInfo {
        guard visible.contains(s), let i = table.symbols[s] else {
            throw error("'\(s.name)' is used outside the scope that defines it", at: loc)
        }
        return i
    }

    mutating func checkProc(_ proc: Proc) throws(KernelError) {
        if proc.isInstruction {
            do throws(KernelError) {
                try TemplateExpansion.validate(proc)
            } catch {
                throw KernelError(.type, error.message, at: error.location)
            }
        }
        for p in proc.params {
            let memory: MemoryName? = p.type.isData ? (p.memory ?? .dram) : nil
            define(p.name, SymbolInfo(type: p.type, memory: memory, role: .parameter, loc: proc.loc))
        }
        for p in proc.params {
            try checkShape(p.type.shape, of: p.name.name)
        }
        for pre in proc.preconditions {
            let k = try indexKind(pre)
            guard k == .bool else {
                throw error("a precondition must be a bool expression, found \(k.phrase)", at: pre.loc)
            }
        }
        try checkBlock(proc.body)
    }

    func checkShape(_ shape: [Expr], of name: String) throws(KernelError) {
        for d in shape {
            let k = try indexKind(d)
            guard k.isInteger else {
                throw error("the shape of '\(name)' must be made of integer index expressions, found \(k.phrase)", at: d.loc)
            }
        }
    }

    /// Checks a block; its definitions stop being visible at its end.
    mutating func checkBlock(_ block: [Stmt], defining extra: (Sym, SymbolInfo)? = nil) throws(KernelError) {
        let before = visible
        if let (s, i) = extra { define(s, i) }
        for s in block { try checkStmt(s) }
        visible = before
    }

    mutating func checkStmt(_ stmt: Stmt) throws(KernelError) {
        switch stmt.node {
        case .assign(let s, let idx, let rhs), .reduce(let s, let idx, let rhs):
            try checkWrite(s, idx, at: stmt.loc)
            _ = try dataKind(rhs)
        case .pass:
            break
        case .ifElse(let cond, let body, let orelse):
            let k = try indexKind(cond)
            guard k == .bool else {
                throw error("an 'if' condition must be a bool expression, found \(k.phrase)", at: cond.loc)
            }
            try checkBlock(body)
            try checkBlock(orelse)
        case .loop(let iter, let lo, let hi, let body):
            for bound in [lo, hi] {
                let k = try indexKind(bound)
                guard k.isInteger else {
                    throw error("a loop bound must be an integer index expression, found \(k.phrase)", at: bound.loc)
                }
            }
            try checkBlock(body, defining: (iter, SymbolInfo(type: .index, memory: nil, role: .loopVariable, loc: stmt.loc)))
        case .alloc(let s, let type, let memory):
            switch type {
            case .scalar, .tensor(_, _, isWindow: false): break
            default:
                throw error("cannot allocate '\(s.name)' of type \(type.exoText); allocations hold data", at: stmt.loc)
            }
            try checkShape(type.shape, of: s.name)
            define(s, SymbolInfo(type: type, memory: memory, role: .allocation, loc: stmt.loc))
        case .call(let callee, let args):
            try checkCall(callee, args, at: stmt.loc)
        case .windowDef(let s, let rhs):
            guard case .window(let base, let accesses) = rhs.node else {
                throw error("'\(s.name)' must be bound to a window such as 'x[0:4, i]'", at: rhs.loc)
            }
            let (type, memory) = try windowType(base, accesses, at: rhs.loc)
            define(s, SymbolInfo(type: type, memory: memory, role: .window, loc: stmt.loc))
        }
    }

    /// The target of `=`/`+=` must be data, indexed exactly to a scalar element.
    func checkWrite(_ s: Sym, _ idx: [Expr], at loc: SourceLocation) throws(KernelError) {
        let i = try info(s, at: loc)
        switch i.type {
        case .index, .size, .bool:
            let what = i.role == .loopVariable ? "loop variable" : "\(i.type.exoText) argument"
            throw error("cannot assign to '\(s.name)', a \(what); only data can be written", at: loc)
        case .scalar:
            if !idx.isEmpty {
                throw error("'\(s.name)' is a scalar and cannot be indexed", at: loc)
            }
        case .tensor(_, let shape, _):
            if idx.count != shape.count {
                throw error("expected \(indexCount(shape.count)) for '\(s.name)' (\(i.type.exoText)), found \(idx.count)", at: loc)
            }
            try checkIndices(idx, of: s.name)
        }
    }

    func checkIndices(_ idx: [Expr], of name: String) throws(KernelError) {
        for e in idx {
            let k = try indexKind(e)
            guard k.isInteger else {
                throw error("an index of '\(name)' must be an integer index expression, found \(k.phrase)", at: e.loc)
            }
        }
    }
}

extension ExprKind {
    /// How the kind reads in a message ("found a bool expression").
    var phrase: String {
        switch self {
        case .constant: "an integer constant"
        case .size: "a size expression"
        case .index: "an index expression"
        case .bool: "a bool expression"
        case .stride: "a stride"
        case .scalar(let t): t.map { "a data value of type \($0.rawValue)" } ?? "a data literal"
        case .tensor(let t, let shape, let w):
            DataType.tensor(t, shape: shape, isWindow: w).exoText.withArticle
        }
    }
}

private extension String {
    var withArticle: String { "'\(self)'" }
}
