import Testing
@testable import Schedule
import TestSupport

/// Differential testing of a rewrite with the reference interpreter: the
/// proc before and after are run on the same random inputs, and every data
/// argument (inputs too: a rewrite must not start writing them) must hold
/// the same values afterwards.
///
/// Control arguments (`size`, `index`) come from `sizes`, every combination
/// of the listed values; combinations that break a precondition are skipped
/// (at least one must remain). `bool` arguments not listed are random.
/// Every data argument starts with random values (outputs too, so a rewrite
/// that drops a write is caught); window arguments are views into a larger
/// random tensor at a random offset, so strides differ from the shape.
struct EquivalenceCheck {
    var sizes: [String: [Int]] = [:]
    /// Random inputs per size combination.
    var trials = 3
    /// Seeds the SplitMix64 generator (shared with the codegen tests), so a mismatch can be replayed.
    var seed: UInt64 = 0x5EED

    /// One difference between the two procs on one input.
    struct Mismatch: CustomStringConvertible {
        let input: String
        let detail: String
        var description: String { "\(input): \(detail)" }
    }

    struct Report: CustomStringConvertible {
        /// Inputs both procs ran on.
        var runs = 0
        var mismatches: [Mismatch] = []
        var description: String {
            "\(runs) runs, \(mismatches.count) mismatches" + mismatches.prefix(5).map { "\n  \($0)" }.joined()
        }
    }

    /// A problem with the test itself (not with the rewrite).
    struct SetupError: Error, CustomStringConvertible {
        let description: String
    }

    func run(_ before: Proc, _ after: Proc) throws -> Report {
        guard before.params.map(\.name) == after.params.map(\.name),
              before.params.map(\.type) == after.params.map(\.type) else {
            throw SetupError(description: "the rewrite changed the parameters of \(before.name)")
        }
        let original = try PreparedProc(before), rewritten = try PreparedProc(after)
        var report = Report()
        var rng = SeededGenerator(seed: seed)
        for assignment in combinations(of: before) {
            guard let values = bind(assignment, before) else { continue }
            for trial in 0..<trials {
                let inputs = try randomInputs(before, values, &rng)
                let label = "sizes \(describe(assignment)), seed \(seed), trial \(trial)"
                let copies = inputs.map { $0.copy() }
                do {
                    try original.run(inputs.map { $0.argument })
                } catch {
                    throw SetupError(description: "\(label): the original proc fails: \(error)")
                }
                do {
                    try rewritten.run(copies.map { $0.argument })
                } catch {
                    report.mismatches.append(Mismatch(input: label, detail: "the rewritten proc fails: \(error)"))
                    continue
                }
                report.runs += 1
                for (k, (a, b)) in zip(inputs, copies).enumerated() {
                    if let d = a.difference(from: b) {
                        report.mismatches.append(Mismatch(input: label, detail: "\(before.params[k].name.name)\(d)"))
                    }
                }
            }
        }
        guard report.runs + report.mismatches.count > 0 else {
            throw SetupError(description: "no size combination satisfies the preconditions of \(before.name)")
        }
        return report
    }

    // MARK: inputs

    /// Every combination of the listed control values, in a fixed order.
    private func combinations(of p: Proc) -> [[(String, Int)]] {
        let names = sizes.keys.sorted()
        var result: [[(String, Int)]] = [[]]
        for n in names {
            result = result.flatMap { prefix in sizes[n, default: []].map { prefix + [(n, $0)] } }
        }
        return result
    }

    /// The control values by symbol, or nil when a precondition fails.
    private func bind(_ assignment: [(String, Int)], _ p: Proc) -> [Sym: Int]? {
        var values: [Sym: Int] = [:]
        for param in p.params where param.type == .size || param.type == .index {
            if let v = assignment.first(where: { $0.0 == param.name.name })?.1 { values[param.name] = v }
        }
        let eval = ControlEvaluator(values: values)
        // A precondition the evaluator cannot decide (it reads `stride`) is left to the interpreter.
        if p.preconditions.contains(where: { eval.bool($0) == false }) { return nil }
        return values
    }

    private func randomInputs(_ p: Proc, _ values: [Sym: Int], _ rng: inout SeededGenerator) throws -> [Input] {
        let eval = ControlEvaluator(values: values)
        return try p.params.map { param in
            switch param.type {
            case .size, .index:
                guard let v = values[param.name] else {
                    throw SetupError(description: "no value given for control argument \(param.name.name)")
                }
                return .control(v)
            case .bool:
                return .flag(Bool.random(using: &rng))
            case .scalar(let t):
                return .data(Self.randomTensor(t, shape: [], window: false, &rng))
            case .tensor(let t, let shapeExprs, let isWindow):
                let shape = try shapeExprs.map { e in
                    guard let v = eval.int(e) else {
                        throw SetupError(description: "the shape of \(param.name.name) is not known from the sizes given")
                    }
                    return v
                }
                return .data(Self.randomTensor(t, shape: shape, window: isWindow, &rng))
            }
        }
    }

    /// Small values: integer sums stay exact in f32, so reassociating a
    /// reduction cannot produce a false mismatch.
    private static func randomTensor(_ t: ScalarType, shape: [Int], window: Bool, _ rng: inout SeededGenerator) -> Tensor {
        // A window is an inner part of a bigger tensor: up to 2 extra elements each side.
        let pads = shape.map { _ in window ? (Int.random(in: 0...2, using: &rng), Int.random(in: 0...2, using: &rng)) : (0, 0) }
        let outer = zip(shape, pads).map { size, pad in size + pad.0 + pad.1 }
        let count = outer.reduce(1, *)
        let values: [Int] = (0..<count).map { _ in
            // One value in eight is an edge of the type's range, where narrowing and overflow show.
            if Int.random(in: 0..<8, using: &rng) == 0 { return edges(of: t).randomElement(using: &rng)! }
            return switch t {
            case .i8: Int.random(in: -128...127, using: &rng)
            case .i16: Int.random(in: -300...300, using: &rng)
            case .i32: Int.random(in: -100...100, using: &rng)
            case .f32: Int.random(in: -8...8, using: &rng)
            }
        }
        let full = t == .f32 ? Tensor(shape: outer, floats: values.map(Float.init)) : Tensor(t, shape: outer, values: values)
        guard window else { return full }
        let offset = zip(pads, full.strides).reduce(0) { sum, ps in sum + ps.0.0 * ps.1 }
        return Tensor(storage: full.storage, offset: offset, shape: shape, strides: full.strides)
    }

    private static func edges(of t: ScalarType) -> [Int] {
        switch t {
        case .i8: [-128, 127, -1, 0, 1]
        case .i16: [-32768, 32767, -1, 0, 1]
        case .i32: [Int(Int32.min), Int(Int32.max), -1, 0, 1]
        case .f32: [-1, 0, 1]
        }
    }

    private func describe(_ assignment: [(String, Int)]) -> String {
        assignment.isEmpty ? "fixed" : assignment.map { "\($0.0)=\($0.1)" }.joined(separator: ",")
    }
}

/// One argument, kept so that it can be copied and compared after the run.
private enum Input {
    case control(Int)
    case flag(Bool)
    case data(Tensor)

    var argument: Argument {
        switch self {
        case .control(let v): .int(v)
        case .flag(let b): .bool(b)
        case .data(let t): .tensor(t)
        }
    }

    /// A deep copy (same offset and strides into a fresh storage).
    func copy() -> Input {
        guard case .data(let t) = self else { return self }
        let storage = TensorStorage(t.elementType, count: t.storage.count)
        if t.elementType.isFloat {
            for k in 0..<t.storage.count { storage.floats[k] = t.storage.floats[k] }
        } else {
            for k in 0..<t.storage.count { storage.ints[k] = t.storage.ints[k] }
        }
        return .data(Tensor(storage: storage, offset: t.offset, shape: t.shape, strides: t.strides))
    }

    /// The first differing element (whole storage, so writes outside a window count), or nil.
    func difference(from other: Input) -> String? {
        guard case .data(let a) = self, case .data(let b) = other else { return nil }
        for k in 0..<a.storage.count {
            let x = a.storage.elementType.isFloat ? "\(a.storage.floats[k])" : "\(a.storage.ints[k])"
            let y = b.storage.elementType.isFloat ? "\(b.storage.floats[k])" : "\(b.storage.ints[k])"
            if x != y { return " differs at storage element \(element(k, of: a)): \(x) before, \(y) after" }
        }
        return nil
    }

    /// A storage position as indices of the (outer) tensor, for the message.
    private func element(_ k: Int, of t: Tensor) -> String {
        guard !t.shape.isEmpty else { return "[]" }
        var rest = k, idx: [Int] = []
        for s in t.strides {
            idx.append(rest / s)
            rest %= s
        }
        return "[" + idx.map(String.init).joined(separator: ", ") + "]"
    }
}

// MARK: test helpers

/// Checks that `after` (a rewrite of `before`) computes the same results on
/// random inputs, and that the rewrite changed the printed proc (so the
/// property is not vacuous).
@discardableResult
func expectEquivalent(_ before: Procedure, _ after: Procedure, sizes: [String: [Int]] = [:], trials: Int = 3,
                      seed: UInt64 = 0x5EED, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> EquivalenceCheck.Report {
    #expect(ExoPrinter.print(before.ir) != ExoPrinter.print(after.ir), "the rewrite changed nothing", sourceLocation: sourceLocation)
    let report = try EquivalenceCheck(sizes: sizes, trials: trials, seed: seed).run(before.ir, after.ir)
    #expect(report.mismatches.isEmpty, "\(report)\nbefore:\n\(ExoPrinter.print(before.ir))after:\n\(ExoPrinter.print(after.ir))",
            sourceLocation: sourceLocation)
    #expect(report.runs > 0, sourceLocation: sourceLocation)
    return report
}
