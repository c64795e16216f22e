import Foundation

/// How the harness calls the kernel under test: the C function's name, a
/// declaration (or a header that declares it) and its arguments as C
/// expressions. The harness's tensors are named by `HarnessSymbols`.
public struct KernelEntryPoint: Sendable, Hashable {
    public var functionName: String
    /// A C declaration emitted before `main`, e.g.
    /// `void conv1d(const int32_t *data, const int32_t *kernels, int32_t *out);`
    public var declaration: String?
    /// A header to include instead of (or besides) the declaration.
    public var header: String?
    public var arguments: [String]

    public init(functionName: String, declaration: String? = nil, header: String? = nil, arguments: [String]) {
        self.functionName = functionName
        self.declaration = declaration
        self.header = header
        self.arguments = arguments
    }

    /// The hand-written kernels' contract (kernels/conv1d/hand/\*.c):
    /// `void conv1d(const int32_t *data, const int32_t *kernels, int32_t *out)`
    /// with IC, OC, N, W given as macros (see `Conv1dHarness.sizeDefines`).
    public static func handWritten(functionName: String = "conv1d") -> KernelEntryPoint {
        KernelEntryPoint(
            functionName: functionName,
            declaration: "void \(functionName)(const int32_t *data, const int32_t *kernels, int32_t *out);",
            arguments: [HarnessSymbols.data, HarnessSymbols.kernels, HarnessSymbols.output])
    }

    /// Exo's style: a context pointer first, then the tensors.
    public static func exoStyle(functionName: String) -> KernelEntryPoint {
        KernelEntryPoint(
            functionName: functionName,
            declaration: "void \(functionName)(void *ctxt, const int32_t *data, const int32_t *kernels, int32_t *out);",
            arguments: ["(void *)0", HarnessSymbols.data, HarnessSymbols.kernels, HarnessSymbols.output])
    }

    func validate() throws(HarnessError) {
        let identifierStart = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_")
        let identifierRest = identifierStart.union("0123456789")
        guard let first = functionName.first, identifierStart.contains(first),
              functionName.allSatisfy({ identifierRest.contains($0) }) else {
            throw .invalidEntryPoint("'\(functionName)' is not a C identifier")
        }
        guard !functionName.hasPrefix(HarnessSymbols.prefix) else {
            throw .invalidEntryPoint("'\(functionName)' uses the harness's reserved prefix \(HarnessSymbols.prefix)")
        }
        for text in arguments + [declaration, header].compactMap({ $0 })
        where text.contains(where: \.isNewline) || text.trimmingCharacters(in: .whitespaces).isEmpty {
            throw .invalidEntryPoint("'\(text)' must be one non-empty line")
        }
    }
}

/// The global names a harness defines; the host reads them from the ELF.
public enum HarnessSymbols {
    public static let prefix = "rvm_bench_"
    /// `int32_t rvm_bench_data[IC*N]`
    public static let data = "rvm_bench_data"
    /// `int32_t rvm_bench_kernels[OC*IC*W]`
    public static let kernels = "rvm_bench_kernels"
    /// `int32_t rvm_bench_out[OC*N]`, left in memory after the run.
    public static let output = "rvm_bench_out"
    /// `uint32_t rvm_bench_report[HarnessReport.wordCount]`
    public static let report = "rvm_bench_report"
}
