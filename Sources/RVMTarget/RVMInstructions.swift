import Schedule

/// The RVM instructions as instruction procs: each body is the instruction's
/// meaning (RVM-SPEC.md §1), each template the C that issues it. They read as
/// Exo's definitions in examples/rvm_conv1d, e.g.
///
///     @instr('asm volatile("mld.w "{dst_int}", (%1), %0" :: "r"(4*({src}.strides[0])), "r"(&{src_data}) : "memory");')
///     def rvm_mld(dst: [i32][4, 4] @ RVM_TILE, src: [i32][4, 4] @ DRAM):
///         assert stride(src, 1) == 1
///         assert stride(dst, 1) == 1
///         for i in seq(0, 4):
///             for j in seq(0, 4):
///                 dst[i, j] = src[i, j]
///
/// Templates spell `__asm__ __volatile__` (Exo writes `asm volatile`, which
/// strict ISO C modes such as -std=c11 reject). Unlike Exo's, the load and
/// store templates declare a "memory" clobber:
/// without it GCC may move CPU stores of a buffer (im2col) past the `mld.w`
/// that reads it, or CPU loads of a result before the `mst.w` that writes it.
public enum RVMInstructions {
    // MARK: loads, stores, zero

    /// `mld.w md, (rs1), rs2`: tile row i <- 16 bytes at src + i * row stride.
    static func load(_ name: String, _ type: ScalarType) -> Proc {
        let bytes = type.bitWidth / 8, cols = Term(integerLiteral: RVMTile.columns(of: type))
        var b = ProcBuilder(name, instruction:
            "__asm__ __volatile__(\"mld.w \"{dst_int}\", (%1), %0\" :: \"r\"(\(bytes)*({src}.strides[0])), \"r\"(&{src_data}) : \"memory\");")
        let dst = b.window("dst", type, [4, cols], RVMTile.name)
        let src = b.window("src", type, [4, cols], .dram)
        b.assert(stride(src, 1) == 1)
        b.assert(stride(dst, 1) == 1)
        return b.build {
            forLoop("i", 0, 4) { i in forLoop("j", 0, cols) { j in assign(dst[i, j], src[i, j]) } }
        }
    }

    /// `mst.w ms, (rs1), rs2`: 16 bytes at dst + i * row stride <- tile row i.
    static func store(_ name: String, _ type: ScalarType) -> Proc {
        let bytes = type.bitWidth / 8, cols = Term(integerLiteral: RVMTile.columns(of: type))
        var b = ProcBuilder(name, instruction:
            "__asm__ __volatile__(\"mst.w \"{src_int}\", (%1), %0\" :: \"r\"(\(bytes)*({dst}.strides[0])), \"r\"(&{dst_data}) : \"memory\");")
        let src = b.window("src", type, [4, cols], RVMTile.name)
        let dst = b.window("dst", type, [4, cols], .dram)
        b.assert(stride(src, 1) == 1)
        b.assert(stride(dst, 1) == 1)
        return b.build {
            forLoop("i", 0, 4) { i in forLoop("j", 0, cols) { j in assign(dst[i, j], src[i, j]) } }
        }
    }

    /// `mzero md`.
    static func zero(_ name: String, _ type: ScalarType) -> Proc {
        let cols = Term(integerLiteral: RVMTile.columns(of: type))
        var b = ProcBuilder(name, instruction: "__asm__ __volatile__(\"mzero \"{dst_int});")
        let dst = b.window("dst", type, [4, cols], RVMTile.name)
        b.assert(stride(dst, 1) == 1)
        return b.build {
            forLoop("i", 0, 4) { i in forLoop("j", 0, cols) { j in assign(dst[i, j], 0) } }
        }
    }

    // MARK: multiply-accumulate

    /// `<mnemonic> md, ms1, ms2` with parameters named in assembly-text order,
    /// as in Exo. Mind the operand-order trap (RVM-SPEC.md §1): the second
    /// written operand is the ENCODING field ms2 and the third is ms1, and
    /// the hardware computes md[i][j] += sum_k enc_ms1[i][k] * enc_ms2[j][k];
    /// in the text's names that is
    ///
    ///     md[i, j] += ms2[i, k] * ms1[j, k]        (k < K, increasing)
    ///
    /// so `mmasa.w mD, mA, mB` adds B * transpose(A) to D.
    static func multiplyAccumulate(_ name: String, mnemonic: String, source: ScalarType, accumulator: ScalarType) -> Proc {
        let k = Term(integerLiteral: RVMTile.columns(of: source))
        var b = ProcBuilder(name, instruction: "__asm__ __volatile__(\"\(mnemonic) \"{md_int}\", \"{ms1_int}\", \"{ms2_int});")
        let md = b.window("md", accumulator, [4, 4], RVMTile.name)
        let ms1 = b.window("ms1", source, [4, k], RVMTile.name)
        let ms2 = b.window("ms2", source, [4, k], RVMTile.name)
        b.assert(stride(md, 1) == 1)
        b.assert(stride(ms1, 1) == 1)
        b.assert(stride(ms2, 1) == 1)
        return b.build {
            forLoop("i", 0, 4) { i in
                forLoop("j", 0, 4) { j in
                    forLoop("k", 0, k) { kk in reduce(md[i, j], ms2[i, kk] * ms1[j, kk]) }
                }
            }
        }
    }

    public static let mld = load("rvm_mld", .i32)
    public static let mst = store("rvm_mst", .i32)
    public static let mzero = zero("rvm_mzero", .i32)
    /// `mmasa.w`: int32 x int32 -> int32.
    public static let mmasa = multiplyAccumulate("rvm_mmasa", mnemonic: "mmasa.w", source: .i32, accumulator: .i32)
    /// `mmada.h`: int16 x int16 (8 per row) -> int32.
    public static let mmada = multiplyAccumulate("rvm_mmada", mnemonic: "mmada.h", source: .i16, accumulator: .i32)
    /// `mmaqa.b`: int8 x int8 (16 per row) -> int32.
    public static let mmaqa = multiplyAccumulate("rvm_mmaqa", mnemonic: "mmaqa.b", source: .i8, accumulator: .i32)
    /// `fmmacc.s`: fp32 x fp32 -> fp32.
    public static let fmmacc = multiplyAccumulate("rvm_fmmacc", mnemonic: "fmmacc.s", source: .f32, accumulator: .f32)

    /// Loads of the narrower and float tiles feeding mmada/mmaqa/fmmacc (the same `mld.w`).
    public static let mldI16 = load("rvm_mld_i16", .i16)
    public static let mldI8 = load("rvm_mld_i8", .i8)
    public static let mldF32 = load("rvm_mld_f32", .f32)
    public static let mstF32 = store("rvm_mst_f32", .f32)
    public static let mzeroF32 = zero("rvm_mzero_f32", .f32)

    public static let all: [Proc] = [mld, mst, mzero, mmasa, mmada, mmaqa, fmmacc, mldI16, mldI8, mldF32, mstF32, mzeroF32]
}
