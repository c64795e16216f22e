import Foundation
@testable import Schedule
import RVMTarget
import TestSupport

/// Inputs of the conv1d schedule tests.
enum Conv1dAlgorithm {
    /// The case study's proc `conv1d` from kernels/conv1d/conv1d.exo.
    static func procedure() throws -> Procedure {
        Procedure(try KernelParser.parseProc(Repository.text(Repository.conv1d), named: "conv1d"))
    }

    /// `generic_conv1d` of kernels/conv1d/conv1d.exo with its sizes fixed.
    static func generic(ic: Int, oc: Int, n: Int, w: Int) throws -> Procedure {
        try Procedure(KernelParser.parseProc(Repository.text(Repository.conv1d), named: "generic_conv1d"))
            .partialEval(["IC": ic, "OC": oc, "N": n, "W": w])
    }

    /// out[o][j] = sum over c, r of (j + r < N ? data[c][j + r] : 0) * kernels[o][c][r], in int32.
    static func reference(_ s: Conv1dSchedules.Sizes, data: [Int], kernels: [Int]) -> [Int] {
        (0..<(s.oc * s.n)).map { oj in
            let o = oj / s.n, j = oj % s.n
            var acc: Int32 = 0
            for c in 0..<s.ic {
                for r in 0..<s.w where j + r < s.n {
                    acc = acc &+ Int32(truncatingIfNeeded: kernels[(o * s.ic + c) * s.w + r]) &* Int32(truncatingIfNeeded: data[c * s.n + j + r])
                }
            }
            return Int(acc)
        }
    }

    /// Runs a constant-size conv1d proc in the interpreter on the given inputs.
    static func run(_ p: Proc, _ s: Conv1dSchedules.Sizes, data: [Int], kernels: [Int]) throws -> [Int] {
        let out = Tensor(.i32, shape: [s.oc, s.n], values: Array(repeating: 7, count: s.oc * s.n))
        try Interpreter.run(p, [.tensor(Tensor(.i32, shape: [s.ic, s.n], values: data)),
                                .tensor(Tensor(.i32, shape: [s.oc, s.ic, s.w], values: kernels)), .tensor(out)])
        return out.intValues
    }
}
