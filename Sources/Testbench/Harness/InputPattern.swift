/// Which inputs a harness feeds the kernel.
public enum InputPattern: Sendable, Hashable, CustomStringConvertible {
    /// `data[c][j] = j`, `kernel[o][c][k] = o*100 + c*10 + k` (RVM-SPEC.md §4).
    case caseStudy
    /// Samples in [-128, 127] from `XorShift32(seed:)`: all of data in
    /// row-major order first, then all of the kernels.
    case random(seed: UInt32)

    public var description: String {
        switch self {
        case .caseStudy: return "case-study"
        case .random(let seed): return "random:\(seed)"
        }
    }
}

/// A conv1d problem with its inputs materialised on the host, row-major
/// like the C arrays: `data[c*N + j]`, `kernels[(o*IC + c)*W + k]`.
public struct Conv1dProblem: Sendable, Hashable {
    public var shape: Conv1dShape
    public var pattern: InputPattern
    public var data: [Int32]
    public var kernels: [Int32]

    public init(shape: Conv1dShape, pattern: InputPattern) {
        self.shape = shape
        self.pattern = pattern
        switch pattern {
        case .caseStudy:
            data = (0..<shape.ic).flatMap { _ in (0..<shape.n).map { Int32(truncatingIfNeeded: $0) } }
            var kernels: [Int32] = []
            kernels.reserveCapacity(shape.kernelCount)
            for o in 0..<shape.oc {
                for c in 0..<shape.ic {
                    for k in 0..<shape.w { kernels.append(Int32(truncatingIfNeeded: o * 100 + c * 10 + k)) }
                }
            }
            self.kernels = kernels
        case .random(let seed):
            var generator = XorShift32(seed: seed)
            data = (0..<shape.dataCount).map { _ in generator.nextSample() }
            kernels = (0..<shape.kernelCount).map { _ in generator.nextSample() }
        }
    }
}
