import Foundation
import Testing
@testable import Schedule
@testable import RVMTarget
import TestSupport

/// The conv1d schedules of the case study (Sources/RVMTarget/Conv1dSchedules.swift):
/// their printed result (checked line by line against the case study's
/// description), and the reference interpreter on random data before and after.
@Suite struct Conv1dCaseStudyTests {
    /// The case-study schedule: per jo, four mzero; a c loop filling the
    /// static 4x4 y with the guarded im2col, one mld of the data tile, four
    /// (mld of a kernel tile, mmasa) pairs; then four mst. The kernel rows
    /// of output tile t are kernels[16 * ioo + 4 * t : ... + 4, c, 0:4]; the
    /// mmasa operands follow the text order of RVM-SPEC.md §1
    /// (out += kernel * transpose(data) is `rvm_mmasa(out, data, kernel)`).
    @Test func rvm4accPrintsAsTheCaseStudyDescribes() throws {
        let p = try Conv1dSchedules.rvm4acc(Conv1dAlgorithm.procedure())
        var expected = """
            @proc
            def conv1d_rvm_4acc(data: i32[4, 16] @ DRAM, kernels: i32[16, 4, 4] @ DRAM, out: i32[16, 16] @ DRAM):
                for ioo in seq(0, 1):
                    for jo in seq(0, 4):

            """
        for t in 0..<4 { expected += "            out_tile_\(t): i32[4, 4] @ RVM_TILE\n" }
        for t in 0..<4 { expected += "            rvm_mzero(out_tile_\(t)[0:4, 0:4])\n" }
        expected += """
                        for c in seq(0, 4):
                            y: i32[4, 4] @ DRAM_STATIC
                            for ji in seq(0, 4):
                                for r in seq(0, 4):
                                    if 4 * jo + ji + r < 16:
                                        y[ji, r] = data[c, 4 * jo + ji + r]
                                    else:
                                        y[ji, r] = 0
                            kernel_tile_0: i32[4, 4] @ RVM_TILE
                            kernel_tile_1: i32[4, 4] @ RVM_TILE
                            kernel_tile_2: i32[4, 4] @ RVM_TILE
                            data_tile: i32[4, 4] @ RVM_TILE
                            rvm_mld(data_tile[0:4, 0:4], y[0:4, 0:4])

            """
        func rows(_ t: Int) -> String { t == 0 ? "16 * ioo:16 * ioo + 4" : "16 * ioo + \(4 * t):16 * ioo + \(4 * t + 4)" }
        for t in 0..<4 {
            let k = t == 3 ? 0 : t  // the fourth kernel tile reuses the first
            expected += "                rvm_mld(kernel_tile_\(k)[0:4, 0:4], kernels[\(rows(t)), c, 0:4])\n"
            expected += "                rvm_mmasa(out_tile_\(t)[0:4, 0:4], data_tile[0:4, 0:4], kernel_tile_\(k)[0:4, 0:4])\n"
        }
        for t in 0..<4 { expected += "            rvm_mst(out_tile_\(t)[0:4, 0:4], out[\(rows(t)), 4 * jo:4 * jo + 4])\n" }
        #expect(ExoPrinter.print(p.ir) == expected)
        #expect(Array(p.history.suffix(3)) == ["unrollBuffer", "reuseBuffer", "unrollBuffer"])
    }

    @Test func rvm1accPrintsOneAccumulatorPerTile() throws {
        let p = try Conv1dSchedules.rvm1acc(Conv1dAlgorithm.procedure())
        #expect(ExoPrinter.print(p.ir) == """
            @proc
            def conv1d_rvm_1acc(data: i32[4, 16] @ DRAM, kernels: i32[16, 4, 4] @ DRAM, out: i32[16, 16] @ DRAM):
                for io in seq(0, 4):
                    for jo in seq(0, 4):
                        out_tile: i32[4, 4] @ RVM_TILE
                        rvm_mzero(out_tile[0:4, 0:4])
                        for c in seq(0, 4):
                            y: i32[4, 4] @ DRAM_STATIC
                            for ji in seq(0, 4):
                                for r in seq(0, 4):
                                    if 4 * jo + ji + r < 16:
                                        y[ji, r] = data[c, 4 * jo + ji + r]
                                    else:
                                        y[ji, r] = 0
                            data_tile: i32[4, 4] @ RVM_TILE
                            rvm_mld(data_tile[0:4, 0:4], y[0:4, 0:4])
                            kernel_tile: i32[4, 4] @ RVM_TILE
                            rvm_mld(kernel_tile[0:4, 0:4], kernels[4 * io:4 * io + 4, c, 0:4])
                            rvm_mmasa(out_tile[0:4, 0:4], data_tile[0:4, 0:4], kernel_tile[0:4, 0:4])
                        rvm_mst(out_tile[0:4, 0:4], out[4 * io:4 * io + 4, 4 * jo:4 * jo + 4])

            """)
    }

    @Test func im2colCPUBuildsTheMatrixOnceThenMultiplies() throws {
        let p = try Conv1dSchedules.im2colCPU(Conv1dAlgorithm.procedure())
        #expect(ExoPrinter.print(p.ir) == """
            @proc
            def conv1d_im2col_cpu(data: i32[4, 16] @ DRAM, kernels: i32[16, 4, 4] @ DRAM, out: i32[16, 16] @ DRAM):
                y: i32[16, 4, 4] @ DRAM
                for j in seq(0, 16):
                    for c in seq(0, 4):
                        for r in seq(0, 4):
                            if j + r < 16:
                                y[j, c, r] = data[c, j + r]
                            else:
                                y[j, c, r] = 0
                for i in seq(0, 16):
                    for j in seq(0, 16):
                        out[i, j] = 0
                        for c in seq(0, 4):
                            for r in seq(0, 4):
                                out[i, j] += kernels[i, c, r] * y[j, c, r]

            """)
    }

    /// The interpreter on random data: every schedule computes what the
    /// algorithm computes, and both agree with a direct evaluation of the formula.
    @Test(arguments: [UInt64(1), 2, 3])
    func schedulesComputeTheAlgorithmsResult(seed: UInt64) throws {
        let algorithm = try Conv1dAlgorithm.procedure()
        var rng = SeededGenerator(seed: seed)
        let data = (0..<64).map { _ in Int.random(in: -50_000...50_000, using: &rng) }
        let kernels = (0..<256).map { _ in Int.random(in: -50_000...50_000, using: &rng) }
        func run(_ p: Proc) throws -> [Int] {
            let out = Tensor(.i32, shape: [16, 16], values: (0..<256).map { _ in Int.random(in: -9...9, using: &rng) })
            try Interpreter.run(p, [.tensor(Tensor(.i32, shape: [4, 16], values: data)),
                                    .tensor(Tensor(.i32, shape: [16, 4, 4], values: kernels)), .tensor(out)])
            return out.intValues
        }
        let expected = ScheduledConv1d.reference(data: data, kernels: kernels)
        #expect(try run(algorithm.ir) == expected)
        #expect(try run(Conv1dSchedules.im2colCPU(algorithm).ir) == expected)
        #expect(try run(Conv1dSchedules.rvm1acc(algorithm).ir) == expected)
        #expect(try run(Conv1dSchedules.rvm4acc(algorithm).ir) == expected)
    }

    /// The schedules take any constant sizes their tiling fits: each is
    /// checked on random data against the formula and the unscheduled proc.
    @Test(arguments: [Conv1dSchedules.Sizes(ic: 8, oc: 32, n: 64, w: 4), Conv1dSchedules.Sizes(ic: 2, oc: 16, n: 8, w: 4),
                      Conv1dSchedules.Sizes(ic: 3, oc: 48, n: 20, w: 4)])
    func schedulesWorkAtOtherSizes(sizes s: Conv1dSchedules.Sizes) throws {
        let algorithm = try Conv1dAlgorithm.generic(ic: s.ic, oc: s.oc, n: s.n, w: s.w)
        #expect(try Conv1dSchedules.sizes(of: algorithm) == s)
        var rng = SeededGenerator(seed: UInt64(s.ic * 1000 + s.n))
        let data = (0..<(s.ic * s.n)).map { _ in Int.random(in: -50_000...50_000, using: &rng) }
        let kernels = (0..<(s.oc * s.ic * s.w)).map { _ in Int.random(in: -50_000...50_000, using: &rng) }
        let expected = Conv1dAlgorithm.reference(s, data: data, kernels: kernels)
        #expect(try Conv1dAlgorithm.run(algorithm.ir, s, data: data, kernels: kernels) == expected)
        for p in [try Conv1dSchedules.im2colCPU(algorithm), try Conv1dSchedules.rvm1acc(algorithm), try Conv1dSchedules.rvm4acc(algorithm)] {
            #expect(try Conv1dAlgorithm.run(p.ir, s, data: data, kernels: kernels) == expected, "\(p.name)")
        }
    }

    @Test func sizesTheTilingDoesNotFitAreRefusedUpFront() throws {
        let w3 = try Conv1dAlgorithm.generic(ic: 4, oc: 16, n: 16, w: 3)
        let e = #expect(throws: KernelError.self) { try Conv1dSchedules.rvm1acc(w3) }
        #expect(e?.message == "rvm1acc: needs OC a multiple of 4, N a multiple of 4 and W = 4; got OC = 16, N = 16, W = 3")
        let oc8 = try Conv1dAlgorithm.generic(ic: 4, oc: 8, n: 16, w: 4)
        #expect(throws: KernelError.self) { try Conv1dSchedules.rvm4acc(oc8) }
        // im2col on the CPU takes any sizes.
        let s = Conv1dSchedules.Sizes(ic: 4, oc: 16, n: 16, w: 3)
        let data = (0..<64).map { $0 * 3 - 50 }, kernels = (0..<192).map { $0 % 17 - 8 }
        #expect(try Conv1dAlgorithm.run(Conv1dSchedules.im2colCPU(w3).ir, s, data: data, kernels: kernels)
            == Conv1dAlgorithm.reference(s, data: data, kernels: kernels))
    }
}
