import Foundation
import Schedule
import RVMTarget

/// A schedule of the conv1d study: rewrites from the algorithm to one
/// variant's kernel. `nil` rewrites mean the schedule is not part of this
/// build; its rows then fail with that message (never a stand-in kernel).
public struct Conv1dSchedule: Sendable {
    public var variant: String
    public var rewrites: (@Sendable (Procedure) throws -> Procedure)?

    public init(variant: String, rewrites: (@Sendable (Procedure) throws -> Procedure)?) {
        self.variant = variant
        self.rewrites = rewrites
    }

    /// `scalar`: the algorithm as written, no rewrite at all.
    public static let unscheduled = Conv1dSchedule(variant: "scalar") { $0 }
}

extension BenchVariant {
    /// A compiler variant: the algorithm instantiated at the row's sizes, the
    /// schedule applied, the result type- and bounds-checked and compiled to C
    /// by the same pipeline as `rvm compile` with the RVM target (rvm.h comes
    /// from the runtime directory), and the harness calling the generated
    /// function with the parameter list of the generated header.
    public static func compiled(_ schedule: Conv1dSchedule, algorithm: Result<Conv1dAlgorithm, BenchError>) -> BenchVariant {
        BenchVariant(name: schedule.variant, source: .compiler) { shape in
            guard let rewrites = schedule.rewrites else { throw BenchError.scheduleUnavailable(variant: schedule.variant) }
            let algorithm = try algorithm.get()
            let scheduled = try rewrites(Procedure(try algorithm.instance(shape))).ir
            let library = "conv1d_" + schedule.variant.map { $0.isLetter || $0.isNumber ? String($0) : "_" }.joined()
            let pipeline = try KernelPipeline(target: RVMTarget.kernelTarget)
            let module = KernelModule(procs: [scheduled])
            try pipeline.check(module)
            let generated = try pipeline.generateC(module, library: library)
            let parameters = try GeneratedSignature.parameterNames(of: scheduled.name, inHeader: generated.header)
            let arguments = try parameters.map { name throws(BenchError) -> String in
                guard let symbol = harnessArgument[name] else {
                    throw .unexpectedParameter(function: scheduled.name, parameter: name)
                }
                return symbol
            }
            return PreparedKernel(
                entryPoint: KernelEntryPoint(functionName: scheduled.name, header: generated.headerName, arguments: arguments),
                sources: [SourceFile(name: generated.headerName, contents: generated.header),
                          SourceFile(name: library + ".c", contents: generated.source)])
        }
    }

    /// The algorithm's tensor parameters and the harness globals they receive.
    static let harnessArgument = [
        "data": HarnessSymbols.data, "kernels": HarnessSymbols.kernels, "out": HarnessSymbols.output,
    ]
}
