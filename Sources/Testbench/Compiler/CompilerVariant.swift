import Foundation
import Schedule
import RVMTarget

extension BenchVariant {
    /// A compiler variant: the algorithm at the row's sizes, the variant's
    /// schedule (RVMTarget's `Conv1dVariant`), the result type- and
    /// bounds-checked and compiled to C by the same pipeline as `rvm compile`
    /// with the RVM target (rvm.h comes from the runtime directory), and the
    /// harness calling the generated function with the parameter list of the
    /// generated header. Whatever fails (sizes, a rewrite, a check, codegen)
    /// fails this row only.
    public static func compiled(_ variant: Conv1dVariant, algorithm: Result<Conv1dAlgorithm, BenchError>) -> BenchVariant {
        BenchVariant(name: variant.rawValue, source: .compiler) { shape in
            let scheduled = try variant.schedule(try algorithm.get().instance(shape)).ir
            let library = scheduled.name
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
