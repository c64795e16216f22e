/// The type of every symbol a proc binds (parameters, allocations, loop
/// variables, window definitions), so rewrites can tell data from control.
/// Symbols are unique, so one flat table per proc suffices.
struct SymbolTypes {
    private(set) var types: [Sym: DataType] = [:]
    /// Window definitions `w = x[...]`, in program order: a statement using
    /// `w` touches `x`, wherever `w` was defined.
    private(set) var windowDefinitions: [(Sym, Expr)] = []

    init(_ proc: Proc) {
        for p in proc.params { types[p.name] = p.type }
        add(proc.body)
    }

    init(stmts: [Stmt]) { add(stmts) }

    mutating func add(_ stmts: [Stmt]) {
        for s in stmts {
            s.forEach { s in
                switch s.node {
                case .alloc(let x, let t, _): types[x] = t
                case .loop(let i, _, _, _): types[i] = .index
                case .windowDef(let w, let e):
                    windowDefinitions.append((w, e))
                    if case .window(let base, let acc) = e.node, let bt = types[base], let el = bt.elementType {
                        types[w] = .tensor(el, shape: WindowShape.shape(of: acc), isWindow: true)
                    }
                default: break
                }
            }
        }
    }

    subscript(_ s: Sym) -> DataType? { types[s] }

    func isData(_ s: Sym) -> Bool { types[s]?.isData ?? false }

    var dataSymbols: Set<Sym> { Set(types.filter { $0.value.isData }.keys) }
}
