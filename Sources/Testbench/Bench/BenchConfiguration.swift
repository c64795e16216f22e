import Foundation

/// What a bench run covers and how.
public struct BenchConfiguration: Sendable {
    public var shapes: [Conv1dShape]
    public var inputs: InputPattern
    public var target: LinkTarget
    /// The variant every speedup is measured against.
    public var baselineVariant: String
    public var cycleLimit: UInt64?
    /// When set, each row's runner writes its commit log and timeline under
    /// `traceRoot/<variant>-<source>-ic<IC>-oc<OC>-n<N>-w<W>/`.
    public var traceRoot: URL?
    public var extraCompileFlags: [String]

    public init(shapes: [Conv1dShape] = [.caseStudy], inputs: InputPattern = .caseStudy, target: LinkTarget,
                baselineVariant: String = "scalar", cycleLimit: UInt64? = nil, traceRoot: URL? = nil,
                extraCompileFlags: [String] = []) {
        self.shapes = shapes
        self.inputs = inputs
        self.target = target
        self.baselineVariant = baselineVariant
        self.cycleLimit = cycleLimit
        self.traceRoot = traceRoot
        self.extraCompileFlags = extraCompileFlags
    }

    func traceDirectory(variant: BenchVariant, shape: Conv1dShape) -> URL? {
        traceRoot?.appendingPathComponent(
            "\(variant.name)-\(variant.source.rawValue)-ic\(shape.ic)-oc\(shape.oc)-n\(shape.n)-w\(shape.w)", isDirectory: true)
    }
}

/// The rows of a bench run; `succeeded` is false if any row failed.
public struct BenchRun: Sendable, Hashable {
    public var rows: [BenchRow]
    public var succeeded: Bool
}
