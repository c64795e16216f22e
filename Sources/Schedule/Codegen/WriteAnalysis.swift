/// Which parameters a proc writes, directly, through windows of them, or by
/// passing them to a callee that writes (instructions included: their body
/// is their meaning). Decides `const` in signatures and window structs.
struct WriteAnalysis {
    private var memo: [String: Set<Int>] = [:]

    /// Indices of the written parameters of `p`. Memoised by name: within one
    /// compilation a name means one proc (CCodegen.callOrder checks plain procs).
    mutating func writtenParams(_ p: Proc) -> Set<Int> {
        let key = p.name
        if let w = memo[key] { return w }
        let written = writtenSymbols(p.body)
        let result = Set(p.params.indices.filter { written.contains(p.params[$0].name) })
        memo[key] = result
        return result
    }

    /// Root symbols written by the statements (window names resolved to their source).
    mutating func writtenSymbols(_ body: [Stmt]) -> Set<Sym> {
        var roots: [Sym: Sym] = [:]
        var written = Set<Sym>()
        func root(_ s: Sym) -> Sym { roots[s].map(root) ?? s }
        func walk(_ stmts: [Stmt]) {
            for s in stmts {
                switch s.node {
                case .assign(let x, _, _), .reduce(let x, _, _): written.insert(root(x))
                case .windowDef(let w, let e):
                    if case .window(let src, _) = e.node { roots[w] = src }
                    if case .read(let src, _) = e.node { roots[w] = src }
                case .call(let callee, let args):
                    let w = writtenParams(callee)
                    for k in w where k < args.count {
                        switch args[k].node {
                        case .read(let x, _), .window(let x, _): written.insert(root(x))
                        default: break
                        }
                    }
                default: break
                }
                for b in s.blocks { walk(b) }
            }
        }
        walk(body)
        return written
    }
}
