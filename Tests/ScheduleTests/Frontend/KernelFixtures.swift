import Foundation
@testable import Schedule
import TestSupport

/// Kernel texts shared by the front-end, printer and type-checker tests.
enum KernelFixtures {
    /// `conv1d` of kernels/conv1d/conv1d.exo: the case study's instance
    /// (IC = 4, OC = 16, N = 16, W = 4) that schedules start from.
    static func caseStudyConv1d() throws -> Proc {
        try KernelParser.parseProc(try Repository.text(Repository.conv1d), named: "conv1d")
    }

    /// Every symbol `proc` binds (parameters, loops, allocations, windows), by
    /// name; for fixtures whose names are unique.
    static func symbolsByName(_ proc: Proc) -> [String: Sym] {
        var out: [String: Sym] = [:]
        for p in proc.params { out[p.name.name] = p.name }
        for s in proc.body {
            s.forEach { s in
                switch s.node {
                case .loop(let x, _, _, _), .alloc(let x, _, _), .windowDef(let x, _): out[x.name] = x
                default: break
                }
            }
        }
        return out
    }

    /// Instruction procs shaped like every RVM instruction of RVM-SPEC.md §1,
    /// written from the spec as test fixtures (RVMTarget owns the official
    /// ones). Semantics: md[i][j] += sum_k ms1[i][k] * ms2[j][k] in encoding
    /// terms; the text order `mmasa.w md, ms2, ms1` names the parameters, so
    /// with parameters named in text order (md, a, b) the body reads
    /// md[i, j] += b[i, k] * a[j, k]. Packed types fill a 4-word row: 8 x i16, 16 x i8.
    static let rvmInstructions = #"""
    @instr('asm volatile("mld.w "{dst_int}", (%1), %0" :: "r"(4*({src}.strides[0])), "r"(&{src_data}) : "memory");')
    def rvm_mld(dst: [i32][4, 4] @ RVM_TILE, src: [i32][4, 4] @ DRAM):
        assert stride(src, 1) == 1
        assert stride(dst, 1) == 1
        for i in seq(0, 4):
            for j in seq(0, 4):
                dst[i, j] = src[i, j]

    @instr('asm volatile("mst.w "{src_int}", (%1), %0" :: "r"(4*({dst}.strides[0])), "r"(&{dst_data}) : "memory");')
    def rvm_mst(src: [i32][4, 4] @ RVM_TILE, dst: [i32][4, 4] @ DRAM):
        assert stride(src, 1) == 1
        assert stride(dst, 1) == 1
        for i in seq(0, 4):
            for j in seq(0, 4):
                dst[i, j] = src[i, j]

    @instr('asm volatile("mzero "{dst_int});')
    def rvm_mzero(dst: [i32][4, 4] @ RVM_TILE):
        assert stride(dst, 1) == 1
        for i in seq(0, 4):
            for j in seq(0, 4):
                dst[i, j] = 0

    @instr('asm volatile("mmasa.w "{md_int}", "{ms1_int}", "{ms2_int});')
    def rvm_mmasa(md: [i32][4, 4] @ RVM_TILE, ms1: [i32][4, 4] @ RVM_TILE, ms2: [i32][4, 4] @ RVM_TILE):
        assert stride(md, 1) == 1
        assert stride(ms1, 1) == 1
        assert stride(ms2, 1) == 1
        for i in seq(0, 4):
            for j in seq(0, 4):
                for k in seq(0, 4):
                    md[i, j] += ms2[i, k] * ms1[j, k]

    @instr('asm volatile("mld.w "{dst_int}", (%1), %0" :: "r"(2*({src}.strides[0])), "r"(&{src_data}) : "memory");')
    def rvm_mld_i16(dst: [i16][4, 8] @ RVM_TILE, src: [i16][4, 8] @ DRAM):
        assert stride(src, 1) == 1
        for i in seq(0, 4):
            for j in seq(0, 8):
                dst[i, j] = src[i, j]

    @instr('asm volatile("mmada.h "{md_int}", "{ms1_int}", "{ms2_int});')
    def rvm_mmada(md: [i32][4, 4] @ RVM_TILE, ms1: [i16][4, 8] @ RVM_TILE, ms2: [i16][4, 8] @ RVM_TILE):
        for i in seq(0, 4):
            for j in seq(0, 4):
                for k in seq(0, 8):
                    md[i, j] += ms2[i, k] * ms1[j, k]

    @instr('asm volatile("mld.w "{dst_int}", (%1), %0" :: "r"({src}.strides[0]), "r"(&{src_data}) : "memory");')
    def rvm_mld_i8(dst: [i8][4, 16] @ RVM_TILE, src: [i8][4, 16] @ DRAM):
        assert stride(src, 1) == 1
        for i in seq(0, 4):
            for j in seq(0, 16):
                dst[i, j] = src[i, j]

    @instr('asm volatile("mmaqa.b "{md_int}", "{ms1_int}", "{ms2_int});')
    def rvm_mmaqa(md: [i32][4, 4] @ RVM_TILE, ms1: [i8][4, 16] @ RVM_TILE, ms2: [i8][4, 16] @ RVM_TILE):
        for i in seq(0, 4):
            for j in seq(0, 4):
                for k in seq(0, 16):
                    md[i, j] += ms2[i, k] * ms1[j, k]

    @instr('asm volatile("mld.w "{dst_int}", (%1), %0" :: "r"(4*({src}.strides[0])), "r"(&{src_data}) : "memory");')
    def rvm_mld_f32(dst: [f32][4, 4] @ RVM_TILE, src: [f32][4, 4] @ DRAM):
        assert stride(src, 1) == 1
        for i in seq(0, 4):
            for j in seq(0, 4):
                dst[i, j] = src[i, j]

    @instr('asm volatile("mst.w "{src_int}", (%1), %0" :: "r"(4*({dst}.strides[0])), "r"(&{dst_data}) : "memory");')
    def rvm_mst_f32(src: [f32][4, 4] @ RVM_TILE, dst: [f32][4, 4] @ DRAM):
        assert stride(dst, 1) == 1
        for i in seq(0, 4):
            for j in seq(0, 4):
                dst[i, j] = src[i, j]

    @instr('asm volatile("fmmacc.s "{md_int}", "{ms1_int}", "{ms2_int});')
    def rvm_fmmacc(md: [f32][4, 4] @ RVM_TILE, ms1: [f32][4, 4] @ RVM_TILE, ms2: [f32][4, 4] @ RVM_TILE):
        for i in seq(0, 4):
            for j in seq(0, 4):
                for k in seq(0, 4):
                    md[i, j] += ms2[i, k] * ms1[j, k]

    """#

    /// A scheduled-looking proc that drives the instructions on tiles.
    static let tileMatmul = #"""
    @proc
    def tile_matmul(N: size, A: i32[N, 4] @ DRAM, B: i32[4, 4] @ DRAM, C: i32[N, 4] @ DRAM):
        assert N % 4 == 0
        for i in seq(0, N / 4):
            acc: i32[4, 4] @ RVM_TILE
            a_tile: i32[4, 4] @ RVM_TILE
            b_tile: i32[4, 4] @ RVM_TILE
            rvm_mzero(acc)
            rvm_mld(a_tile, A[4 * i:4 * i + 4, 0:4])
            rvm_mld(b_tile[0:4, 0:4], B[0:4, 0:4])
            rvm_mmasa(acc, b_tile, a_tile)
            rvm_mst(acc, C[4 * i:4 * i + 4, 0:4])

    """#

    /// Every other construct of the surface syntax, in canonical printed form.
    static let features = #"""
    @proc
    def features(n: size, k: index, flag: bool, x: f32[n, 8] @ DRAM, s: i8 @ DRAM, w: [i16][4] @ DRAM):
        assert n % 4 == 0 and n >= 8
        assert stride(x, 1) == 1
        buf: f32[4, 8] @ DRAM_STATIC
        t: i8 @ DRAM
        for i in seq(0, n / 4):
            row = x[4 * i, 0:8]
            for j in seq(k, 8):
                if flag and not (i < 2 or j >= n - 1):
                    buf[i % 4, j] = -row[j] * 2.5 + 1e-05
                elif j == 3:
                    buf[i % 4, j] += -(x[i, j] - (x[i, j] - 1.0))
                else:
                    pass
        t = s * -3 - (s - 2)
        w[0] = w[1] / 2
        if k != -1:
            pass

    """#
}

/// The kernel-text location type (Swift Testing has its own `SourceLocation`).
typealias Loc = Schedule.SourceLocation
