import Schedule

/// The conv1d algorithm of DESIGN.md, built as IR:
///
///     def generic_conv1d(data: i32[IC, N] @ DRAM, kernels: i32[OC, IC, W] @ DRAM,
///                        out: i32[OC, N] @ DRAM):
///         for i in seq(0, OC):
///             for j in seq(0, N):
///                 out[i, j] = 0
///                 for c in seq(0, IC):
///                     for r in seq(0, W):
///                         y: i32
///                         if j + r < N:
///                             y = data[c, j + r]
///                         else:
///                             y = 0
///                         out[i, j] += kernels[i, c, r] * y
enum Conv1d {
    static let IC = 4, N = 16, W = 4, OC = 16

    static func algorithm(ic: Int = IC, n: Int = N, w: Int = W, oc: Int = OC) -> Proc {
        var b = ProcBuilder("generic_conv1d")
        let data = b.tensor("data", .i32, [Term(integerLiteral: ic), Term(integerLiteral: n)])
        let kernels = b.tensor("kernels", .i32, [Term(integerLiteral: oc), Term(integerLiteral: ic), Term(integerLiteral: w)])
        let out = b.tensor("out", .i32, [Term(integerLiteral: oc), Term(integerLiteral: n)])
        let N = Term(integerLiteral: n)
        return b.build {
            forLoop("i", 0, Term(integerLiteral: oc)) { i in
                forLoop("j", 0, N) { j in
                    assign(out[i, j], 0)
                    forLoop("c", 0, Term(integerLiteral: ic)) { c in
                        forLoop("r", 0, Term(integerLiteral: w)) { r in
                            let y = Term.variable("y")
                            alloc(y, .i32)
                            ifThen(j + r < N) {
                                assign(y, data[c, j + r])
                            } orElse: {
                                assign(y, 0)
                            }
                            reduce(out[i, j], kernels[i, c, r] * y)
                        }
                    }
                }
            }
        }
    }
}
