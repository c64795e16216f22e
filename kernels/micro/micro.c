// One micro-benchmark per build, selected with -DBENCH_<NAME>. main returns
// the figure (the exit value, reported whole by the simulator):
//   steady-state rows of RVM-SPEC.md §2: cycles(64 unrolled) - cycles(16), i.e. 48 x the
//     cycles per instruction (groups/pairs: see each case);
//   latencies and CPU loops: the mcycle reading itself.
// Expected values (model derivations in Tests/SimulatorTests/Timing): see README.md.
#include "rvm_micro.h"

// Kernel data in the word-interleaved banks (0x1_0000-0x1_FFFF) and a copy in the contiguous banks.
__attribute__((section(".xheep_data_interleaved"), aligned(16))) volatile int interleaved[1024];
__attribute__((aligned(16))) volatile int contiguous[256];

// Idle long enough for any queued accelerator work to finish (a few instructions
// of at most ~20 cycles each) so the second measurement starts from an idle coprocessor.
#define IDLE() asm volatile(REP64("nop\n") REP64("nop\n") ::: "memory")

// mcycle(BLOCK64) - mcycle(BLOCK16), each timed from an idle coprocessor.
#define DIFF(BLOCK64, BLOCK16, BASE) ({                \
    unsigned _many = TIMED(BLOCK64, BASE, 16);          \
    IDLE();                                             \
    unsigned _few = TIMED(BLOCK16, BASE, 16);           \
    _many - _few; })
#define STEADY(UNIT16, BASE) DIFF(REP4(UNIT16), UNIT16, BASE)

// Latency set-up: m0 = m1 = all ones, m2 = 0 (so m2 += m1 x m0^T holds 4s), the
// destination tile zeroed, then enough idle cycles for the accelerator to drain.
#define destination (&interleaved[512])
__attribute__((unused)) static void latency_setup(void) {
    for (int i = 0; i < 16; i++) { interleaved[i] = 1; destination[i] = 0; }
    TIMED(MLD(0) MLD(1) MZERO(2), interleaved, 16);
    IDLE();
}

// 16 stores in a loop (sw; addi; addi; bnez): into `contiguous` (.bss, the bank
// the code is fetched from) or into the interleaved banks.
#define STORE_LOOP "li t1, 16\n 1: sw t0, 0(a0)\n addi a0, a0, 4\n addi t1, t1, -1\n bnez t1, 1b\n"

int main(void) {
#if defined(BENCH_MMASA_INDEPENDENT2)          // 48 x 12
    return STEADY(REP8(MMASA(2, 0, 1) MMASA(3, 0, 1)), interleaved);
#elif defined(BENCH_MMASA_INDEPENDENT4)        // 48 x 12
    return STEADY(REP4(MMASA(2, 0, 1) MMASA(3, 0, 1) MMASA(4, 0, 1) MMASA(5, 0, 1)), interleaved);
#elif defined(BENCH_MMASA_DEPENDENT)           // 48 x 14
    return STEADY(REP16(MMASA(2, 0, 1)), interleaved);
#elif defined(BENCH_MLD_ROTATING)              // 48 x 5 (7 destinations; 16 = 2 x 7 + 2)
    return DIFF(MLD_ROT64, MLD_ROT16, interleaved);
#elif defined(BENCH_MLD_SAME)                  // 48 x 9
    return STEADY(REP16(MLD(1)), interleaved);
#elif defined(BENCH_MST_ROTATING)              // 48 x 5 (sources m1..m7; m0 hits erratum 1)
    return DIFF(MST_ROT64, MST_ROT16, interleaved);
#elif defined(BENCH_MZERO_ROTATING)            // 48 x 4
    return STEADY(REP2(MZERO(0) MZERO(1) MZERO(2) MZERO(3) MZERO(4) MZERO(5) MZERO(6) MZERO(7)), interleaved);
#elif defined(BENCH_MLD_MMASA_PAIR)            // 24 pairs x 14
    return STEADY(REP8(MLD(0) MMASA(2, 1, 0)), interleaved);
#elif defined(BENCH_LOAD_FOUR_PAIRS)           // 12 groups x 48 (16 groups - 4 groups)
    return STEADY(REP4(GROUP), interleaved);
#elif defined(BENCH_MST_LATENCY)               // 19
    latency_setup();
    return TIMED(MST(1) POLL, destination, 16);
#elif defined(BENCH_MMASA_MST_LATENCY)         // 26
    latency_setup();
    return TIMED(MMASA(2, 0, 1) MST(2) POLL, destination, 16);
#elif defined(BENCH_MLD_CONTIGUOUS)            // 48 x 17
    return DIFF(MLD_ROT64, MLD_ROT16, contiguous);
#elif defined(BENCH_MST_CONTIGUOUS)            // 48 x 16
    return DIFF(MST_ROT64, MST_ROT16, contiguous);
#elif defined(BENCH_LOAD_USE)                  // 4 + 16 x 3 = 52 (data in the interleaved banks, as measured)
    return TIMED(REP16("lw t0, 0(a0)\n addi t1, t0, 1\n"), interleaved, 0);
#elif defined(BENCH_TAKEN_BRANCH)              // 4 + 1 + 9 x 4 + 2 = 43
    return TIMED("li t0, 10\n 1: addi t0, t0, -1\n bnez t0, 1b\n", contiguous, 0);
#elif defined(BENCH_JAL_JALR)                  // 4 + 8 x 7 = 60 (jal 2, j 2, addi 1, jalr 2)
    return TIMED(REP8("jal t2, 2f\n j 3f\n 2: addi t1, t1, 1\n jalr x0, t2, 0\n 3:\n"), contiguous, 0);
#elif defined(BENCH_CSRR_MCYCLE)               // 4 + 16 x 4 = 68 (csrr mcycle measured 4)
    return TIMED(REP16("csrr t0, mcycle\n"), contiguous, 0);
#elif defined(BENCH_SINGLE_CYCLE)              // 4 + 4 x 5 = 24 (nop, addi, lw, sw, mul: 1 each, measured)
    return TIMED(REP4("nop\n addi t0, t0, 1\n lw t1, 0(a0)\n sw t2, 4(a0)\n mul t2, t0, t0\n"), interleaved, 0);
#elif defined(BENCH_STORE_OTHER_BANK)          // 4 + 1 + 15 x 6 + 4 = 99
    return TIMED(STORE_LOOP, interleaved, 0);
#elif defined(BENCH_STORE_CODE_BANK)           // 99 + 16: each store delays the fetch of the bnez
    return TIMED(STORE_LOOP, contiguous, 0);
#elif defined(BENCH_MMASA_CHAIN16)             // 203 with input buffer depth 1, 161 with depth 4
    return TIMED(REP16(MMASA(2, 0, 1)), interleaved, 16);
#elif defined(BENCH_MULH)                      // 4 + 16 x 5 = 84
    return TIMED(REP16("mulh t0, a0, a1\n"), 3, 5);
#elif defined(BENCH_DIV_SMALL_DIVISOR)         // divisor 1: 4 + 4 x (3 + 31) = 140
    return TIMED(REP4("divu t0, a0, a1\n"), 1000, 1);
#elif defined(BENCH_DIV_LARGE_DIVISOR)         // divisor 0x80000000: 4 + 4 x 3 = 16
    return TIMED(REP4("divu t0, a0, a1\n"), 1000, 0x80000000u);
#else
#error "define one BENCH_* (see README.md)"
#endif
}
