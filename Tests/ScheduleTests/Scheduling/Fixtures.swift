@testable import Schedule

/// The conv1d algorithm of the case study (IC = 4, OC = 16, N = 16, W = 4):
///
///     def generic_conv1d(data: i32[4, 16] @ DRAM, kernels: i32[16, 4, 4] @ DRAM,
///                        out: i32[16, 16] @ DRAM):
///         for i in seq(0, 16):
///             for j in seq(0, 16):
///                 out[i, j] = 0
///                 for c in seq(0, 4):
///                     for r in seq(0, 4):
///                         y: i32
///                         if j + r < 16:
///                             y = data[c, j + r]
///                         else:
///                             y = 0
///                         out[i, j] += kernels[i, c, r] * y
struct Conv1dProcs {
    let data = Sym("data"), kernels = Sym("kernels"), out = Sym("out")
    let i = Sym("i"), j = Sym("j"), c = Sym("c"), r = Sym("r"), y = Sym("y")

    var proc: Proc {
        makeProc("generic_conv1d", [tensor(data, i32(.int(4), .int(16))),
                                    tensor(kernels, i32(.int(16), .int(4), .int(4))),
                                    tensor(out, i32(.int(16), .int(16)))]) {
            For(i, 0, 16) {
                For(j, 0, 16) {
                    Assign(out, [v(i), v(j)], lit(0))
                    For(c, 0, 4) {
                        For(r, 0, 4) {
                            Alloc(y, .scalar(.i32))
                            If(v(j) + v(r) < 16) {
                                Assign(y, [], read(data, v(c), v(j) + v(r)))
                            } orelse: {
                                Assign(y, [], lit(0))
                            }
                            Reduce(out, [v(i), v(j)], read(kernels, v(i), v(c), v(r)) * v(y))
                        }
                    }
                }
            }
        }
    }
}

/// A scaled vector copy with a symbolic size:
///
///     def scale(n: size, x: i32[n] @ DRAM, z: i32[n] @ DRAM):
///         assert n % 4 == 0
///         for i in seq(0, n):
///             z[i] = x[i] * 2
struct Scale {
    let n = Sym("n"), x = Sym("x"), z = Sym("z"), i = Sym("i")

    func proc(divisible: Bool = true) -> Proc {
        makeProc("scale", [size(n), tensor(x, i32(v(n))), tensor(z, i32(v(n)))],
                 preconditions: divisible ? [v(n) % 4 == 0] : []) {
            For(i, 0, v(n)) {
                Assign(z, [v(i)], read(x, v(i)) * lit(2))
            }
        }
    }
}
