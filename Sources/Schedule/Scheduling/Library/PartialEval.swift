extension Procedure {
    /// `partial_eval(p, N=16, ...)`: fixes size and index arguments to
    /// constants: they leave the argument list and their uses (shapes,
    /// loop bounds, indices) become numbers. Preconditions that hold for the
    /// values are dropped; one that fails is an error.
    public func partialEval(_ values: [String: Int]) throws -> Procedure {
        let rw = "partialEval"
        var map: [Sym: Expr] = [:]
        for (name, v) in values.sorted(by: { $0.key < $1.key }) {
            guard let param = ir.params.first(where: { $0.name.name == name }) else {
                throw KernelError(.schedule, "\(rw): \(ir.name) has no argument named \(name)")
            }
            guard param.type == .size || param.type == .index else {
                throw KernelError(.schedule, "\(rw): \(name) is not a size or index argument")
            }
            guard param.type != .size || v >= 0 else { throw KernelError(.schedule, "\(rw): the size \(name) cannot be \(v)") }
            map[param.name] = .int(v)
        }
        let simp = IndexSimplifier()
        var p = ir
        p.params = ir.params.filter { map[$0.name] == nil }.map { param in
            var q = param
            if case .tensor(let el, let shape, let w) = param.type {
                q.type = .tensor(el, shape: shape.map { simp.simplify($0.substituting(map)) }, isWindow: w)
            }
            return q
        }
        p.preconditions = []
        for pre in ir.preconditions {
            let e = simp.simplify(pre.substituting(map))
            switch e.node {
            case .bool(true): continue
            case .bool(false): throw KernelError(.schedule, "\(rw): the precondition `\(StatementText.expr(pre))` fails for these values")
            default: p.preconditions.append(e)
            }
        }
        p.body = Self.simplifying(ir.body.map { $0.substituting(map) }, simp)
        let args = values.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        return derived(rw, p, Forward.identity, arguments: args)
    }
}
