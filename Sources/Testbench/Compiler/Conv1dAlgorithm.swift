import Foundation
import Schedule
import RVMTarget

/// The conv1d algorithm of kernels/conv1d/conv1d.exo, as the compiler
/// variants start from it and as the host re-checks every run: at the case
/// study's sizes the file's own `conv1d`, at other sizes `generic_conv1d`
/// after `partialEval` (RVMTarget's `Conv1dVariant.algorithm`).
public struct Conv1dAlgorithm: Sendable {
    /// The file's text and where it came from (for error locations).
    public let source: String
    public let path: String

    /// Parses the file once so that a broken algorithm fails here, not per row.
    public init(source: String, path: String) throws {
        _ = try Conv1dVariant.algorithm(in: source, file: path)
        self.source = source
        self.path = path
    }

    public static func load(_ file: URL) throws -> Conv1dAlgorithm {
        let text: String
        do {
            text = try String(contentsOf: file, encoding: .utf8)
        } catch {
            throw BenchError.kernelSourceUnreadable(path: file.path, reason: "\(error)")
        }
        return try Conv1dAlgorithm(source: text, path: file.path)
    }

    /// The algorithm at `shape`, ready for a schedule. Sizes that break a
    /// precondition of `generic_conv1d` (`N % 4 == 0`, ...) are an error
    /// quoting it.
    public func instance(_ shape: Conv1dShape) throws -> Procedure {
        if shape == .caseStudy { return try Conv1dVariant.algorithm(in: source, file: path) }
        let sizes = try Conv1dSchedules.Sizes(validating: shape.ic, shape.oc, shape.n, shape.w)
        return try Conv1dVariant.algorithm(in: source, file: path, sizes: sizes)
    }

    /// The host's reference: the Schedule interpreter running the algorithm
    /// on the problem's inputs. Throws when the algorithm does not admit the
    /// sizes (see `instance`).
    public func reference(_ problem: Conv1dProblem) throws -> [Int32] {
        let shape = problem.shape
        let proc = try instance(shape).ir
        let tensors = [
            "data": Tensor(.i32, shape: [shape.ic, shape.n], values: problem.data.map(Int.init)),
            "kernels": Tensor(.i32, shape: [shape.oc, shape.ic, shape.w], values: problem.kernels.map(Int.init)),
            "out": Tensor(.i32, shape: [shape.oc, shape.n]),
        ]
        var arguments: [Argument] = []
        for param in proc.params {
            guard let tensor = tensors[param.name.name] else {
                throw KernelError(.interpreter, "\(proc.name): unexpected parameter '\(param.name.name)' (expected data, kernels, out)")
            }
            arguments.append(.tensor(tensor))
        }
        try Interpreter.run(proc, arguments)
        return tensors["out", default: Tensor(.i32, shape: [0])].intValues.map { Int32(truncatingIfNeeded: $0) }
    }

    /// The reference when the algorithm admits the sizes; otherwise (a
    /// hand-written kernel run at sizes outside the algorithm's
    /// preconditions) the plain Swift loop nest, the same meaning written out.
    public func referenceOrLoopNest(_ problem: Conv1dProblem) throws -> [Int32] {
        guard (try? instance(problem.shape)) != nil else { return Conv1dReference.evaluate(problem) }
        return try reference(problem)
    }
}
