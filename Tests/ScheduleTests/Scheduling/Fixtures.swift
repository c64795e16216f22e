import Testing
@testable import Schedule

/// The conv1d algorithm of the case study (IC = 4, OC = 16, N = 16, W = 4):
/// `conv1d` of kernels/conv1d/conv1d.exo, with its symbols at hand for
/// building expected IR.
///
///     def conv1d(data: i32[4, 16] @ DRAM, kernels: i32[16, 4, 4] @ DRAM,
///                out: i32[16, 16] @ DRAM):
///         for i in seq(0, 16):
///             for j in seq(0, 16):
///                 out[i, j] = 0
///                 for c in seq(0, 4):
///                     for r in seq(0, 4):
///                         y: i32 @ DRAM
///                         if j + r < 16:
///                             y = data[c, j + r]
///                         else:
///                             y = 0
///                         out[i, j] += kernels[i, c, r] * y
struct Conv1dProcs {
    let proc: Proc
    let data: Sym, kernels: Sym, out: Sym
    let i: Sym, j: Sym, c: Sym, r: Sym, y: Sym

    init() throws {
        proc = try KernelFixtures.caseStudyConv1d()
        let named = KernelFixtures.symbolsByName(proc)
        func sym(_ name: String) throws -> Sym { try #require(named[name], "conv1d has no symbol \(name)") }
        (data, kernels, out) = (try sym("data"), try sym("kernels"), try sym("out"))
        (i, j, c, r, y) = (try sym("i"), try sym("j"), try sym("c"), try sym("r"), try sym("y"))
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
