/// The host's scalar conv1d, the meaning of the algorithm written out plainly:
/// `out[o][j] = sum_c sum_r (j+r < N ? data[c][j+r] : 0) * kernel[o][c][r]`,
/// with int32 wrap-around like the hardware.
public enum Conv1dReference {
    public static func evaluate(_ problem: Conv1dProblem) -> [Int32] {
        let shape = problem.shape
        var out = [Int32](repeating: 0, count: shape.outputCount)
        for o in 0..<shape.oc {
            for j in 0..<shape.n {
                var sum: Int32 = 0
                for c in 0..<shape.ic {
                    for r in 0..<shape.w where j + r < shape.n {
                        sum = sum &+ problem.data[c * shape.n + j + r] &* problem.kernels[(o * shape.ic + c) * shape.w + r]
                    }
                }
                out[o * shape.n + j] = sum
            }
        }
        return out
    }
}
