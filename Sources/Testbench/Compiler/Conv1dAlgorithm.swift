import Foundation
import Schedule

/// The conv1d algorithm of kernels/conv1d/conv1d.exo: the size-generic proc
/// `generic_conv1d` and the case study's instance `conv1d`. Every compiler
/// variant starts from `instance(shape)`, and the host re-checks every run
/// against the reference interpreter running that same instance.
public struct Conv1dAlgorithm: Sendable {
    public static let genericName = "generic_conv1d"
    public static let caseStudyName = "conv1d"

    public let generic: Proc
    /// The proc written out at the case-study sizes in the file.
    public let caseStudy: Proc
    /// The file's text, to quote it in errors.
    public let source: String
    public let path: String

    public init(source: String, path: String) throws(KernelError) {
        let module = try KernelParser.parse(source, file: path)
        guard let generic = module.proc(named: Conv1dAlgorithm.genericName) else {
            throw KernelError(.syntax, "no proc named '\(Conv1dAlgorithm.genericName)'", file: path)
        }
        guard let caseStudy = module.proc(named: Conv1dAlgorithm.caseStudyName) else {
            throw KernelError(.syntax, "no proc named '\(Conv1dAlgorithm.caseStudyName)'", file: path)
        }
        try TypeChecker().check(generic)
        try TypeChecker().check(caseStudy)
        self.generic = generic
        self.caseStudy = caseStudy
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

    /// `generic_conv1d` with IC, OC, N, W fixed, named `conv1d` like the
    /// case-study proc (which it equals at the case-study sizes).
    public func instance(_ shape: Conv1dShape) throws(SizeBindingError) -> Proc {
        try SizeBinding.bind(generic, ["IC": shape.ic, "OC": shape.oc, "N": shape.n, "W": shape.w],
                             name: Conv1dAlgorithm.caseStudyName, source: source)
    }

    /// The host's reference: the Schedule interpreter running the instance on
    /// the problem's inputs.
    public func reference(_ problem: Conv1dProblem) throws -> [Int32] {
        let shape = problem.shape
        let data = Tensor(.i32, shape: [shape.ic, shape.n], values: problem.data.map(Int.init))
        let kernels = Tensor(.i32, shape: [shape.oc, shape.ic, shape.w], values: problem.kernels.map(Int.init))
        let out = Tensor(.i32, shape: [shape.oc, shape.n])
        let proc = try instance(shape)
        let tensors = ["data": data, "kernels": kernels, "out": out]
        var arguments: [Argument] = []
        for param in proc.params {
            guard let tensor = tensors[param.name.name] else {
                throw KernelError(.interpreter, "\(proc.name): unexpected parameter '\(param.name.name)' (expected data, kernels, out)")
            }
            arguments.append(.tensor(tensor))
        }
        try Interpreter.run(proc, arguments)
        return out.intValues.map { Int32(truncatingIfNeeded: $0) }
    }
}
