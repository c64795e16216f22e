import Schedule

/// The conv1d variants the compiler produces, by the names `rvm schedule`
/// and the testbench use. Each is a schedule of the algorithm in
/// kernels/conv1d/conv1d.exo (see `Conv1dSchedules`):
///
///     let algorithm = try Conv1dVariant.algorithm(in: text, sizes: nil)   // the case study
///     let p = try Conv1dVariant.rvm4acc.schedule(algorithm)
///     print(ExoPrinter.print(p.ir))
public enum Conv1dVariant: String, CaseIterable, Sendable {
    /// The algorithm itself, renamed.
    case scalar
    /// The im2col matrix built once, then a matrix product on the CPU.
    case im2colCPU = "im2col-cpu"
    /// One RVM accumulator tile per 4x4 output tile.
    case rvm1acc = "rvm-1acc"
    /// The case study: four accumulators share one im2col data tile (8 tiles).
    case rvm4acc = "rvm-4acc"

    /// The variant named `name` (`"rvm-4acc"`); an unknown name is an error listing the known ones.
    public init(named name: String) throws(KernelError) {
        guard let v = Conv1dVariant(rawValue: name) else {
            throw KernelError(.schedule, "unknown conv1d variant '\(name)'; the variants are \(Self.names)")
        }
        self = v
    }

    /// `scalar, im2col-cpu, rvm-1acc, rvm-4acc`.
    public static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }

    /// The name of the scheduled proc (and of its C function).
    public var procName: String {
        switch self {
        case .scalar: "conv1d_scalar"
        case .im2colCPU: "conv1d_im2col_cpu"
        case .rvm1acc: "conv1d_rvm_1acc"
        case .rvm4acc: "conv1d_rvm_4acc"
        }
    }

    /// Applies this variant's schedule to a constant-size conv1d (see `algorithm(in:sizes:)`).
    /// Sizes the schedule cannot tile are refused before any rewrite.
    public func schedule(_ algorithm: Procedure) throws -> Procedure {
        switch self {
        case .scalar:
            _ = try Conv1dSchedules.sizes(of: algorithm)
            return try algorithm.rename(procName)
        case .im2colCPU: return try Conv1dSchedules.im2colCPU(algorithm)
        case .rvm1acc: return try Conv1dSchedules.rvm1acc(algorithm)
        case .rvm4acc: return try Conv1dSchedules.rvm4acc(algorithm)
        }
    }

    /// The algorithm to schedule, from the text of kernels/conv1d/conv1d.exo:
    /// without sizes, its `conv1d` (the case study: IC = 4, OC = 16, N = 16,
    /// W = 4); with sizes, its `generic_conv1d` after `partialEval` (a
    /// precondition the sizes break, such as `N % 4 == 0`, is an error).
    public static func algorithm(in source: String, file: String? = nil, sizes: Conv1dSchedules.Sizes? = nil,
                                 oracle: any SoundnessOracle = TieredOracle.shared) throws -> Procedure {
        guard let sizes else {
            return Procedure(try KernelParser.parseProc(source, named: "conv1d", file: file), oracle: oracle)
        }
        let generic = Procedure(try KernelParser.parseProc(source, named: "generic_conv1d", file: file), oracle: oracle)
        return try generic.partialEval(["IC": sizes.ic, "OC": sizes.oc, "N": sizes.n, "W": sizes.w])
    }
}

extension Conv1dSchedules.Sizes {
    /// `IC,OC,N,W` as written on a command line (`8,32,64,4`): four positive integers.
    public init(parsing text: String) throws(KernelError) {
        let fields = text.split(separator: ",", omittingEmptySubsequences: false)
        let values = fields.compactMap { Int($0) }
        guard fields.count == 4, values.count == 4 else { throw Self.invalid(text) }
        try self.init(validating: values[0], values[1], values[2], values[3])
    }

    /// Sizes given as numbers (IC, OC, N, W), checked as `init(parsing:)` checks them.
    public init(validating ic: Int, _ oc: Int, _ n: Int, _ w: Int) throws(KernelError) {
        guard [ic, oc, n, w].allSatisfy({ $0 > 0 }) else { throw Self.invalid("\(ic),\(oc),\(n),\(w)") }
        self.init(ic: ic, oc: oc, n: n, w: w)
    }

    private static func invalid(_ text: String) -> KernelError {
        KernelError(.schedule, "conv1d sizes are four positive integers IC,OC,N,W (such as 8,32,64,4); got '\(text)'")
    }

    /// `IC=8, OC=32, N=64, W=4`.
    public var text: String { "IC=\(ic), OC=\(oc), N=\(n), W=\(w)" }
}
