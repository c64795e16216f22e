/*
 * rvm.h: RVM (Quadrilatero matrix extension) instructions for C code built by
 * the stock GNU toolchain (Debian's riscv64-unknown-elf-gcc 12), which does
 * not know the RVM mnemonics.
 *
 * Including this header defines GNU as macros, so inline assembly can be
 * written exactly as for the vendor's LLVM toolchain:
 *
 *     asm volatile("mmasa.w m1, m0, m5");
 *     asm volatile("mld.w m0, (%0), %1" :: "r"(p), "r"(stride) : "memory");
 *     #define data_tile "m0"
 *     asm volatile("mld.w "data_tile", (%1), %0" :: "r"(stride), "r"(p));
 *
 * The macros assemble to the exact words of RVM-SPEC.md section 1 (custom-1
 * opcode 0x2B). Operands are in the vendor's text order:
 *
 *     mmasa.w md, ms2, ms1    md[i][j] += sum_k ms1[i][k] * ms2[j][k]
 *                             (so "mmasa.w mD, mA, mB" is mD += mB * mA^T)
 *     mmada.h, mmaqa.b, fmmacc.s  likewise, on int16 / int8 / fp32 elements
 *     mzero   md
 *     mld.w   md, (rs1), rs2  element (i, j) at rs1 + i*rs2 + 4*j
 *     mst.w   ms, (rs1), rs2
 *
 * Tile operands are m0..m7; GPR operands are any name GNU as accepts (x0..x31,
 * ABI names, fp), which covers what GCC substitutes for %0. A wrong operand is
 * an assembler error naming it. The assembler warns about the two RTL errata
 * that hang the hardware (RVM-SPEC.md section 2): `mst.w m0` and a multiply
 * whose two sources are the same tile.
 *
 * Give mld.w and mst.w a "memory" clobber: it keeps GCC from moving CPU stores
 * to a buffer past the mld.w that reads it, or CPU loads of a result before the
 * mst.w that writes it. (It orders the compiler only; the coprocessor itself
 * does not keep memory coherent with the CPU, see RVM-SPEC.md section 1.) The
 * RVM_* macros below do this for you.
 *
 * Each translation unit assembles its own copy of the macros; a guard symbol
 * keeps a second copy in the same assembly file (several units merged by
 * -flto) from redefining them. Tested: separate units at -O2, and -flto.
 *
 * Compiled with -DRVM_HOST_EMULATION, the RVM_* macros call C functions that
 * implement the same semantics on a static tile array (rvm_host_emulation.h),
 * so kernels written with them can be checked on the host.
 */
#ifndef RVM_H
#define RVM_H

#ifdef RVM_HOST_EMULATION
#include "rvm_host_emulation.h"
#else

__asm__(
    ".ifndef .Lrvm_h_macros_defined\n"
    ".set .Lrvm_h_macros_defined, 1\n"

    /* _rvm_tile SYM, NAME: set SYM to the number of tile register NAME. */
    ".macro _rvm_tile sym, name\n"
    "  .set \\sym, -1\n"
    "  .irp n, 0, 1, 2, 3, 4, 5, 6, 7\n"
    "    .ifc \\name, m\\n\n"
    "      .set \\sym, \\n\n"
    "    .endif\n"
    "  .endr\n"
    "  .if \\sym < 0\n"
    "    .error \"rvm.h: \\name is not a tile register (m0..m7)\"\n"
    "    .set \\sym, 0\n"
    "  .endif\n"
    ".endm\n"

    /* md/ms2/ms1 at bits 17:15, 23:21, 20:18 of a fixed pattern. */
    ".macro _rvm_multiply base, name, md, ms2, ms1\n"
    "  _rvm_tile .Lrvm_md, \\md\n"
    "  _rvm_tile .Lrvm_ms2, \\ms2\n"
    "  _rvm_tile .Lrvm_ms1, \\ms1\n"
    "  .if .Lrvm_ms1 == .Lrvm_ms2\n"
    "    .warning \"rvm.h: \\name with both sources \\ms2 hangs the RTL coprocessor (erratum 2)\"\n"
    "  .endif\n"
    "  .insn 4, \\base | (.Lrvm_ms2 << 21) | (.Lrvm_ms1 << 18) | (.Lrvm_md << 15)\n"
    ".endm\n"
    ".macro mmasa.w md, ms2, ms1\n"
    "  _rvm_multiply 0xF000082B, mmasa.w, \\md, \\ms2, \\ms1\n"
    ".endm\n"
    ".macro mmada.h md, ms2, ms1\n"
    "  _rvm_multiply 0xE000042B, mmada.h, \\md, \\ms2, \\ms1\n"
    ".endm\n"
    ".macro mmaqa.b md, ms2, ms1\n"
    "  _rvm_multiply 0x1000002B, mmaqa.b, \\md, \\ms2, \\ms1\n"
    ".endm\n"
    ".macro fmmacc.s md, ms2, ms1\n"
    "  _rvm_multiply 0x0800082B, fmmacc.s, \\md, \\ms2, \\ms1\n"
    ".endm\n"

    ".macro mzero md\n"
    "  _rvm_tile .Lrvm_md, \\md\n"
    "  .insn 4, 0xF800002B | (.Lrvm_md << 15)\n"
    ".endm\n"

    /* mld.w/mst.w are S-type shaped: funct7 2/6 and bits 11:7 = 0b1ttt, so
       the S immediate is (funct7 << 5) | 16 | tile and the base is "(rs1)". */
    ".macro mld.w md, base, stride\n"
    "  _rvm_tile .Lrvm_md, \\md\n"
    "  .insn s 0x2B, 0, \\stride, (80 + .Lrvm_md)\\base\n"
    ".endm\n"
    ".macro mst.w ms, base, stride\n"
    "  _rvm_tile .Lrvm_ms, \\ms\n"
    "  .if .Lrvm_ms == 0\n"
    "    .warning \"rvm.h: mst.w m0 is never performed and hangs the RTL coprocessor (erratum 1)\"\n"
    "  .endif\n"
    "  .insn s 0x2B, 0, \\stride, (208 + .Lrvm_ms)\\base\n"
    ".endm\n"

    ".endif\n");

/* Tile operands are string literals ("m4"), as in Exo's generated code. */
#define RVM_MZERO(md) __asm__ __volatile__("mzero " md)
#define RVM_MLD_W(md, base, stride) \
    __asm__ __volatile__("mld.w " md ", (%0), %1" ::"r"(base), "r"(stride) : "memory")
#define RVM_MST_W(ms, base, stride) \
    __asm__ __volatile__("mst.w " ms ", (%0), %1" ::"r"(base), "r"(stride) : "memory")
#define RVM_MMASA_W(md, ms2, ms1) __asm__ __volatile__("mmasa.w " md ", " ms2 ", " ms1)
#define RVM_MMADA_H(md, ms2, ms1) __asm__ __volatile__("mmada.h " md ", " ms2 ", " ms1)
#define RVM_MMAQA_B(md, ms2, ms1) __asm__ __volatile__("mmaqa.b " md ", " ms2 ", " ms1)
#define RVM_FMMACC_S(md, ms2, ms1) __asm__ __volatile__("fmmacc.s " md ", " ms2 ", " ms1)

#endif /* RVM_HOST_EMULATION */
#endif /* RVM_H */
