import Foundation

/// Who wrote a variant's kernel.
public enum VariantSource: String, Sendable, Hashable, Codable, CaseIterable {
    case compiler
    case hand
}

/// The C a variant contributes for one problem size.
public struct PreparedKernel: Sendable, Hashable {
    public var entryPoint: KernelEntryPoint
    public var sources: [SourceFile]
    public var defines: [Define]

    public init(entryPoint: KernelEntryPoint, sources: [SourceFile], defines: [Define] = []) {
        self.entryPoint = entryPoint
        self.sources = sources
        self.defines = defines
    }
}

/// One kernel to benchmark. `prepare` produces its C for a size; for a
/// compiler variant it runs the schedule and code generation, so a schedule
/// that fails throws there and is reported in that variant's row only.
public struct BenchVariant: Sendable {
    public var name: String
    public var source: VariantSource
    public var prepare: @Sendable (Conv1dShape) throws -> PreparedKernel

    public init(name: String, source: VariantSource, prepare: @escaping @Sendable (Conv1dShape) throws -> PreparedKernel) {
        self.name = name
        self.source = source
        self.prepare = prepare
    }

    /// A hand-written kernel file (kernels/conv1d/hand/\*.c): read when the
    /// variant runs, with the headers beside it (conv1d.h), compiled with the
    /// size macros IC, OC, N, W.
    public static func handWritten(name: String, file: URL, functionName: String = "conv1d") -> BenchVariant {
        BenchVariant(name: name, source: .hand) { shape in
            PreparedKernel(entryPoint: .handWritten(functionName: functionName),
                           sources: [try read(file)] + (try headers(beside: file)),
                           defines: Conv1dHarness.sizeDefines(shape))
        }
    }

    static func read(_ file: URL) throws(BenchError) -> SourceFile {
        do {
            return SourceFile(name: file.lastPathComponent, contents: try String(contentsOf: file, encoding: .utf8))
        } catch {
            throw .kernelSourceUnreadable(path: file.path, reason: "\(error)")
        }
    }

    /// Copied into the build (and so into its cache key) rather than put on
    /// the include path, so that editing a header rebuilds.
    static func headers(beside file: URL) throws(BenchError) -> [SourceFile] {
        let directory = file.deletingLastPathComponent()
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        var headers: [SourceFile] = []
        for name in names.sorted() where name.hasSuffix(".h") {
            headers.append(try read(directory.appendingPathComponent(name)))
        }
        return headers
    }
}

public enum BenchError: Error, Equatable, CustomStringConvertible {
    case kernelSourceUnreadable(path: String, reason: String)
    case noVariants
    /// The algorithm file could not be read, parsed or checked.
    case algorithmUnusable(String)
    case signatureNotFound(function: String, detail: String)
    case unexpectedParameter(function: String, parameter: String)

    public var description: String {
        switch self {
        case .kernelSourceUnreadable(let path, let reason): return "cannot read kernel source \(path): \(reason)"
        case .noVariants: return "no variants to run"
        case .algorithmUnusable(let message): return "the conv1d algorithm is unusable: \(message)"
        case .signatureNotFound(let function, let detail): return "generated header does not declare \(function): \(detail)"
        case .unexpectedParameter(let function, let parameter):
            return "\(function) has a parameter '\(parameter)' the harness cannot supply (expected data, kernels, out)"
        }
    }
}
