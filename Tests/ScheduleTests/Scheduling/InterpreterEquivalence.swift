@testable import Schedule
import TestSupport

/// Property check of a rewrite: the reference interpreter runs the proc
/// before and after it on the same random inputs, and every data argument
/// must end up with the same contents.
enum InterpreterEquivalence {
    /// The data arguments' contents after running `proc` on inputs drawn from `seed`.
    static func outputs(_ proc: Proc, sizes: [String: Int], seed: UInt64) throws -> [[Int]] {
        var rng = SeededGenerator(seed: seed)
        var args: [Argument] = []
        var tensors: [Tensor] = []
        var values: [Sym: Int] = [:]
        for p in proc.params {
            switch p.type {
            case .size, .index:
                guard let v = sizes[p.name.name] else { throw KernelError(.interpreter, "no value for \(p.name.name)") }
                values[p.name] = v
                args.append(.int(v))
            case .bool:
                args.append(.bool(Bool.random(using: &rng)))
            case .scalar(let t), .tensor(let t, _, _):
                let shape = try p.type.shape.map { e -> Int in
                    guard let v = ControlEvaluator(values: values).int(e) else {
                        throw KernelError(.interpreter, "cannot evaluate the shape of \(p.name.name)")
                    }
                    return v
                }
                let count = shape.reduce(1, *)
                let data = (0..<count).map { _ in Int.random(in: -1000...1000, using: &rng) }
                let tensor = t.isFloat ? Tensor(shape: shape, floats: data.map(Float.init))
                                       : Tensor(t, shape: shape, values: data)
                tensors.append(tensor)
                args.append(.tensor(tensor))
            }
        }
        try Interpreter.run(proc, args)
        return tensors.map(\.intValues)
    }

    /// True when `a` and `b` leave equal outputs on `trials` random inputs.
    static func equal(_ a: Procedure, _ b: Procedure, sizes: [String: Int] = [:], trials: Int = 3) throws -> Bool {
        for seed in 1...UInt64(trials) {
            if try outputs(a.ir, sizes: sizes, seed: seed) != outputs(b.ir, sizes: sizes, seed: seed) { return false }
        }
        return true
    }
}
