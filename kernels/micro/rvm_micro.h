// Micro-benchmark helpers: RVM instructions as `.word` encodings (RVM-SPEC.md
// §1; Debian's GCC 12 has no RVM mnemonics) and the vendor's mcycle timing
// (RVM-SPEC.md §3: clear bit 0 of mcountinhibit, write 0 to mcycle, run, read mcycle).
//
// Fixed GPRs: a0 (x10) = base address, a1 (x11) = row stride in bytes.
// Tile fields are ENCODING fields: MMASA(md, ms1, ms2) is the text
// `mmasa.w m<md>, m<ms2>, m<ms1>`.
#ifndef RVM_MICRO_H
#define RVM_MICRO_H

#define MLD(md)             ".word 0x0400082B | (11 << 20) | (10 << 15) | (" #md " << 7)\n"
#define MST(ms)             ".word 0x0C00082B | (11 << 20) | (10 << 15) | (" #ms " << 7)\n"
#define MZERO(md)           ".word 0xF800002B | (" #md " << 15)\n"
#define MMASA(md, ms1, ms2) ".word 0xF000082B | (" #ms2 " << 21) | (" #ms1 " << 18) | (" #md " << 15)\n"

#define REP2(x)  x x
#define REP4(x)  x x x x
#define REP8(x)  REP4(x) REP4(x)
#define REP16(x) REP8(x) REP8(x)
#define REP64(x) REP16(x) REP16(x) REP16(x) REP16(x)

// mld.w rotating over 7 destinations: 16 and 64 instructions (destination i % 7).
#define ROT7_MLD   MLD(0) MLD(1) MLD(2) MLD(3) MLD(4) MLD(5) MLD(6)
#define MLD_ROT16  ROT7_MLD ROT7_MLD MLD(0) MLD(1)
#define MLD_ROT64  REP8(ROT7_MLD) ROT7_MLD MLD(0)
// mst.w rotating over m1..m7 (source 1 + i % 7).
#define ROT7_MST   MST(1) MST(2) MST(3) MST(4) MST(5) MST(6) MST(7)
#define MST_ROT16  ROT7_MST ROT7_MST MST(1) MST(2)
#define MST_ROT64  REP8(ROT7_MST) ROT7_MST MST(1)
// One shared tile, then four (load, multiply) pairs into m4..m7.
#define GROUP      MLD(0) MLD(1) MMASA(4, 1, 0) MLD(1) MMASA(5, 1, 0) MLD(1) MMASA(6, 1, 0) MLD(1) MMASA(7, 1, 0)
// Poll the last word of row 3 (stride 16) until the accelerator's store lands (nonzero).
#define POLL       "1: lw t0, 60(a0)\n beqz t0, 1b\n"

// Runs BLOCK (an asm string) between the mcycle write and read; returns mcycle.
#define TIMED(BLOCK, BASE, STRIDE) ({                                        \
    register unsigned _base asm("a0") = (unsigned)(BASE);                   \
    register unsigned _stride asm("a1") = (unsigned)(STRIDE);               \
    unsigned _cycles;                                                       \
    asm volatile("csrci mcountinhibit, 1\n"                                 \
                 "csrw mcycle, zero\n"                                      \
                 BLOCK                                                      \
                 "csrr %0, mcycle\n"                                        \
                 : "=r"(_cycles) : "r"(_base), "r"(_stride)                 \
                 : "t0", "t1", "t2", "memory");                             \
    _cycles; })

#endif
