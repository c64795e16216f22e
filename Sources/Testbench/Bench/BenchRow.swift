/// One variant at one size: what it measured and whether it was right.
public struct BenchRow: Sendable, Hashable, Codable {
    public var variant: String
    public var source: VariantSource
    public var ic: Int
    public var oc: Int
    public var n: Int
    public var w: Int
    /// "case-study" or "random:SEED".
    public var inputs: String
    /// The kernel's mcycle count, measured by the program itself.
    public var cycles: UInt64?
    /// Baseline cycles / these cycles (see `BenchDriver.assignSpeedups`).
    public var speedup: Double?
    /// Retired instructions in the same mcycle window (minstret), else the runner's count.
    public var instret: UInt64?
    public var cpi: Double?
    /// Busy fraction of the systolic array, as the runner reports it.
    public var systolicArrayUtilisation: Double?
    /// Fraction of cycles with CPU and accelerator both busy, as the runner reports it.
    public var overlap: Double?
    /// Memory-ordering hazards the runner saw; nil when it cannot tell.
    public var hazards: Int?
    /// The program's own check and, when the output could be read back, the host's.
    public var correct: Bool
    /// True when the host re-checked the output against its reference.
    public var hostChecked: Bool
    /// Why this row failed (build, run, wrong result, hazard); nil when it did not.
    public var error: String?

    public init(variant: String, source: VariantSource, shape: Conv1dShape, inputs: InputPattern) {
        self.variant = variant
        self.source = source
        ic = shape.ic
        oc = shape.oc
        n = shape.n
        w = shape.w
        self.inputs = inputs.description
        correct = false
        hostChecked = false
    }

    public var shape: Conv1dShape { Conv1dShape(ic: ic, oc: oc, n: n, w: w) }
    public var succeeded: Bool { correct && error == nil }
    public var label: String { "\(variant) (\(source.rawValue))" }

    // Every key is written, absent values as null, so readers see a fixed schema.
    enum CodingKeys: String, CodingKey {
        case variant, source, ic, oc, n, w, inputs, cycles, speedup, instret, cpi
        case systolicArrayUtilisation, overlap, hazards, correct, hostChecked, error
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(variant, forKey: .variant)
        try container.encode(source, forKey: .source)
        try container.encode(ic, forKey: .ic)
        try container.encode(oc, forKey: .oc)
        try container.encode(n, forKey: .n)
        try container.encode(w, forKey: .w)
        try container.encode(inputs, forKey: .inputs)
        try container.encode(cycles, forKey: .cycles)
        try container.encode(speedup, forKey: .speedup)
        try container.encode(instret, forKey: .instret)
        try container.encode(cpi, forKey: .cpi)
        try container.encode(systolicArrayUtilisation, forKey: .systolicArrayUtilisation)
        try container.encode(overlap, forKey: .overlap)
        try container.encode(hazards, forKey: .hazards)
        try container.encode(correct, forKey: .correct)
        try container.encode(hostChecked, forKey: .hostChecked)
        try container.encode(error, forKey: .error)
    }
}
