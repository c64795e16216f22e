/// Compiles one non-instruction proc to a C function: signature, body,
/// allocations freed right after their last use. Expressions and calls are
/// in the extensions next to this file.
final class ProcCompiler {
    /// How a kernel variable appears in C.
    struct CVar {
        enum Kind {
            case control
            /// `x[offset]` (a tensor parameter, malloc'd or static array, register buffer).
            case dense
            /// `y` (a scalar local).
            case scalarLocal
            /// `*y` (a scalar parameter, passed by reference).
            case scalarPointer
            /// `w.data[offset]`, strides `w.strides[d]`.
            case window
        }
        var cName: String
        var kind: Kind
        var elementType: ScalarType = .i32
        var shape: [Expr] = []
        var memory: (any Memory)? = nil
        var memoryName: MemoryName? = nil
        var isConstData = false
        var allocation: AllocationRequest? = nil
    }

    let proc: Proc
    let isPublic: Bool
    let options: CCodegen.Options
    var writes: WriteAnalysis
    var names: CNames
    var vars: [Sym: CVar] = [:]
    var ranges = IndexRanges()
    /// Strides fixed by preconditions (`assert stride(x, 1) == 1`).
    var knownStrides: [Sym: [Int: Int]] = [:]
    var allocators: [MemoryName: any MemoryAllocator] = [:]
    var lines: [String] = []
    var indent = 1
    var usedSyms = Set<Sym>()
    /// Variables whose value C code reads (or takes a window of): a local only
    /// ever written draws -Wunused-but-set-variable otherwise.
    var readSyms = Set<Sym>()
    var windowStructs = Set<WindowStruct>()
    var helpers = Set<String>()
    var memoriesUsed: [MemoryName: any Memory] = [:]
    /// Row-major strides of dense tensors, computed once per variable.
    var denseStrides: [Sym: [Expr]] = [:]
    /// Parsed instruction templates, by instruction name.
    var templates: [String: [TemplateExpansion.Segment]] = [:]
    let callsPlainProcs: Bool
    private(set) var declaration = ""

    init(_ proc: Proc, isPublic: Bool, options: CCodegen.Options, writes: WriteAnalysis, takenNames: Set<String>) {
        self.proc = proc
        self.isPublic = isPublic
        self.options = options
        self.writes = writes
        var plain = false
        var templateIdentifiers = Set<String>()
        for s in proc.body {
            s.forEach { t in
                guard case .call(let p, _) = t.node else { return }
                if !p.isInstruction { plain = true; return }
                // A bad template is reported at its call, by the expansion.
                if let segments = try? TemplateExpansion.parse(p.instructionTemplate ?? "", instruction: p.name, at: p.loc) {
                    templateIdentifiers.formUnion(TemplateExpansion.identifiers(segments))
                }
            }
        }
        callsPlainProcs = plain
        self.names = CNames(taken: takenNames.union(options.memories.reservedNames), macroAvoids: templateIdentifiers)
    }

    func emit(_ line: String) { lines.append(String(repeating: "  ", count: indent) + line) }

    func memory(_ name: MemoryName?, at loc: SourceLocation) throws(KernelError) -> any Memory {
        let m = try options.memories.memory(name ?? .dram, at: loc)
        memoriesUsed[m.name] = m
        return m
    }

    // MARK: the function

    /// Returns the C definition; `declaration` holds the prototype afterwards.
    func compile() throws(KernelError) -> String {
        let written = writes.writtenParams(proc)
        var cParams: [String] = []
        var comments: [String] = []
        for (k, p) in proc.params.enumerated() {
            let typeText: String
            switch p.type {
            case .size, .index, .bool:
                let n = names.name(for: p.name)
                vars[p.name] = CVar(cName: n, kind: .control)
                typeText = p.type == .bool ? "bool" : "int_fast32_t"
                cParams.append("\(typeText) \(n)")
                if p.type == .size { ranges.set(p.name, .init(lo: 0, hi: nil)) }
                comments.append("\(n) : \(p.type == .size ? "size" : p.type == .bool ? "bool" : "index")")
                continue
            case .scalar(let t), .tensor(let t, _, _):
                let m = try memory(p.memory, at: proc.loc)
                guard m.permissions.windows else {
                    throw KernelError(.memory, "parameter '\(p.name.name)' of \(proc.name) is in \(m.name), which only instructions may take", at: proc.loc)
                }
                let n = names.name(for: p.name)
                let isConst = !written.contains(k)
                let shape = p.type.shape
                var v = CVar(cName: n, kind: .dense, elementType: t, shape: shape, memory: m, memoryName: m.name, isConstData: isConst)
                if case .tensor(_, _, true) = p.type {
                    v.kind = .window
                    let ws = WindowStruct(elementType: t, rank: shape.count, isConst: isConst)
                    windowStructs.insert(ws)
                    cParams.append("struct \(ws.name) \(n)")
                } else {
                    v.kind = shape.isEmpty ? .scalarPointer : .dense
                    cParams.append("\(isConst ? "const " : "")\(t.cType)* \(n)")
                }
                vars[p.name] = v
                let shapeText = shape.isEmpty ? "" : "[\(shape.map(MessageText.expr).joined(separator: ", "))]"
                let typeName = v.kind == .window ? "[\(t.rawValue)]\(shapeText)" : "\(t.rawValue)\(shapeText)"
                comments.append("\(n) : \(typeName) @\(m.name)")
            }
        }
        let header = "// \(proc.name)(\n" + comments.map { "//     \($0)" }.joined(separator: ",\n") + (comments.isEmpty ? "" : "\n") + "// )\n"
        let signature = "\(isPublic ? "" : "static ")void \(proc.name)(\(cParams.isEmpty ? "void" : cParams.joined(separator: ", ")))"
        declaration = header + signature + ";"

        for pre in proc.preconditions {
            if case .binary(.eq, let l, let r) = pre.node, case .stride(let s, let d) = l.node, let c = r.intValue,
               vars[s]?.kind == .window {
                knownStrides[s, default: [:]][d] = c
            }
            emit("// assert \(MessageText.expr(pre))")
        }
        let bodyStart = lines.count
        try block(proc.body)
        // Parameters the body never names would draw -Wunused-parameter.
        let unused = proc.params.filter { !usedSyms.contains($0.name) }.compactMap { vars[$0.name]?.cName }
        lines.insert(contentsOf: unused.map { "  (void)\($0);" }, at: bodyStart)
        return header + signature + " {\n" + lines.joined(separator: "\n") + (lines.isEmpty ? "" : "\n") + "}\n"
    }

    // MARK: statements

    func block(_ stmts: [Stmt]) throws(KernelError) {
        names.push()
        defer { names.pop() }
        let lastUse = Lifetimes.lastUses(in: stmts)
        var dying: [Int: [Int]] = [:]
        for (k, last) in lastUse { if let last { dying[last, default: []].append(k) } }
        for (k, s) in stmts.enumerated() {
            if case .alloc = s.node, lastUse[k] == .some(nil) { continue }   // never used: nothing to emit
            do throws(KernelError) {
                try statement(s)
            } catch {
                // Expressions a rewrite built may carry no location: point at the statement.
                var located = error
                if !located.location.isKnown { located.location = s.loc }
                throw located
            }
            if case .windowDef(let w, _) = s.node, let v = vars[w],
               !stmts[(k + 1)...].contains(where: { Lifetimes.symbols($0).contains(w) }) {
                emit("(void)\(v.cName);")   // a window never used draws -Wunused-variable
            }
            for a in (dying[k] ?? []).sorted(by: >) {
                if case .alloc(let x, _, _) = stmts[a].node { try free(x) }
            }
        }
    }

    private func statement(_ s: Stmt) throws(KernelError) {
        switch s.node {
        case .assign(let x, let idx, let rhs), .reduce(let x, let idx, let rhs):
            guard let v = vars[x], v.kind != .control else {
                throw KernelError(.codegen, "cannot assign to '\(x.name)': it is not a data variable", at: s.loc)
            }
            usedSyms.insert(x)
            if let m = v.memory, !m.permissions.scalarWrites {
                throw KernelError(.memory, "cannot write '\(x.name)' outside an instruction: memory \(m.name) permits no scalar writes", at: s.loc)
            }
            let lhs = try access(v, x, idx, at: s.loc)
            if case .assign = s.node {
                emit("\(lhs) = \(try assignedValue(rhs, to: v.elementType));")
            } else {
                emit("\(lhs) += \(try data(rhs).text);")
            }
        case .pass:
            emit("; // pass")
        case .ifElse(let c, let body, let orelse):
            emit("if (\(try control(c))) {")
            indent += 1
            try block(body)
            indent -= 1
            if !orelse.isEmpty {
                emit("} else {")
                indent += 1
                try block(orelse)
                indent -= 1
            }
            emit("}")
        case .loop(let i, let lo, let hi, let body):
            let l = try control(lo), h = try control(hi)
            names.push()
            defer { names.pop() }
            let n = names.name(for: i)
            vars[i] = CVar(cName: n, kind: .control)
            ranges.set(i, .init(lo: ranges.range(lo).lo, hi: ranges.range(hi).hi.map { $0 - 1 }))
            emit("for (int_fast32_t \(n) = \(l); \(n) < \(h); \(n)++) {")
            indent += 1
            try block(body)
            indent -= 1
            emit("}")
        case .alloc(let x, let type, let memName):
            try allocate(x, type, memName, at: s.loc)
        case .call(let callee, let args):
            try call(callee, args, at: s.loc)
        case .windowDef(let w, let e):
            let win = try window(e, isConst: nil, at: s.loc)
            if let m = win.source.memory, !m.permissions.windows {
                throw KernelError(.memory, "'\(win.sym.name)' is in \(m.name); only instructions may take it", at: s.loc)
            }
            windowStructs.insert(win.type)
            let n = names.name(for: w)
            vars[w] = CVar(cName: n, kind: .window, elementType: win.source.elementType, shape: win.shape,
                           memory: win.source.memory, memoryName: win.source.memoryName, isConstData: win.type.isConst)
            emit("struct \(win.type.name) \(n) = \(win.literal);")
        }
    }

    private func allocate(_ x: Sym, _ type: DataType, _ memName: MemoryName, at loc: SourceLocation) throws(KernelError) {
        guard let el = type.elementType else {
            throw KernelError(.codegen, "allocation '\(x.name)' needs a data type", at: loc)
        }
        let m = try memory(memName, at: loc)
        if m.requiresLeafProc && callsPlainProcs {
            throw KernelError(.memory, "'\(x.name)' is allocated in \(m.name), so \(proc.name) may call only instructions (a called proc would reuse its registers)", at: loc)
        }
        let n = names.name(for: x, isMacro: m.namesAreMacros)
        var extents: [CExtent] = []
        for e in type.shape {
            let folded = ExprFolding.fold(e)
            extents.append(CExtent(text: try control(folded), constant: folded.intValue))
        }
        let request = AllocationRequest(cName: n, elementType: el, cType: el.cType, shape: extents, location: loc)
        let allocator = allocators[m.name] ?? m.makeAllocator()
        allocators[m.name] = allocator
        for line in try allocator.alloc(request) { emit(line) }
        denseStrides[x] = nil
        vars[x] = CVar(cName: n, kind: type.shape.isEmpty ? .scalarLocal : .dense, elementType: el, shape: type.shape,
                       memory: m, memoryName: m.name, allocation: request)
    }

    private func free(_ x: Sym) throws(KernelError) {
        guard let v = vars[x], let r = v.allocation, let name = v.memoryName, let allocator = allocators[name] else { return }
        if !readSyms.contains(x), v.memory?.namesAreMacros != true { emit("(void)\(v.cName);") }
        for line in try allocator.free(r) { emit(line) }
    }
}
