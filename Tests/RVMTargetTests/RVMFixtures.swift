import Foundation
@testable import Schedule
import RVMTarget

/// The four RVM instruction procs the conv1d schedules use, written from
/// RVM-SPEC.md §1 as test fixtures (the same text as ScheduleTests'
/// KernelFixtures; RVMTarget's official procs replace them when they land).
/// Mind the operand-order trap: `md[i, j] += ms2[i, k] * ms1[j, k]`.
enum RVMFixtures {
    static let text = #"""
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
    """#

    static func instructions() throws -> Conv1dInstructions {
        let procs = try KernelParser.parse(text).procs
        func named(_ n: String) throws -> Proc {
            guard let p = procs.first(where: { $0.name == n }) else { throw KernelError(.schedule, "missing \(n)") }
            return p
        }
        return Conv1dInstructions(mzero: try named("rvm_mzero"), mld: try named("rvm_mld"),
                                  mst: try named("rvm_mst"), mmasa: try named("rvm_mmasa"))
    }

    /// The case study's proc `conv1d` from kernels/conv1d/conv1d.exo.
    static func conv1d() throws -> Procedure {
        Procedure(try KernelParser.parseProc(try conv1dFile(), named: "conv1d"))
    }

    static func conv1dFile() throws -> String {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("kernels/conv1d/conv1d.exo")
        return try String(contentsOf: url, encoding: .utf8)
    }
}
