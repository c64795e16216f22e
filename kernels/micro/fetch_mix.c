// CPU accesses to the bank the code is fetched from (FetchConflict), in every
// situation the model's fast and full paths must agree on: back-to-back stores
// (delays that pile up), a load whose value is used at once, a stall that hides
// the delay, a taken branch that makes it moot, byte/half and misaligned
// accesses, accesses while the accelerator holds banks, and code run from the
// word-interleaved banks (called from, and returning to, the contiguous bank).
// No timing figure is pinned here: Tests/SimulatorTests/Timing/FastPathProgramTests
// runs it with and without the fast path and compares every reported figure.
// main returns a checksum of the data it wrote.
#include "rvm_micro.h"

// In .bss, next to .text in contiguous bank 0: the code's bank.
__attribute__((aligned(16))) volatile int near[64];
// The word-interleaved banks (0x1_0000-0x1_FFFF).
__attribute__((section(".xheep_data_interleaved"), aligned(16))) volatile int far[64];

// Code in the interleaved region: stores to the interleaved words, each lane in turn.
__attribute__((section(".xheep_data_interleaved.code"), noinline))
static int interleaved_code(volatile int *p, int n) {
    int sum = 0;
    for (int i = 0; i < n; i++) {
        p[i] = i;           // words in lanes 0, 1, 2, 3, ...: some meet the late fetch
        sum += p[i];        // a load used at once
    }
    return sum;
}

int main(void) {
    int sum = 0;
    for (int round = 0; round < 4; round++) {
        // Three stores in a row to the code's bank, then a taken branch.
        asm volatile("li t1, 8\n"
                     "1: sw t1, 0(%0)\n sw t1, 4(%0)\n sw t1, 8(%0)\n addi t1, t1, -1\n bnez t1, 1b\n"
                     :: "r"(near) : "t1", "memory");
        // Load and use, byte and half accesses, a misaligned load, a mulh hiding the delay.
        asm volatile("li t2, 8\n"
                     "1: lw t0, 0(%1)\n add %0, %0, t0\n sb t0, 16(%1)\n lhu t0, 18(%1)\n"
                     " lw t1, 21(%1)\n sh t1, 24(%1)\n mulh t1, t1, t0\n add %0, %0, t1\n"
                     " addi t2, t2, -1\n bnez t2, 1b\n"
                     : "+r"(sum) : "r"(near) : "t0", "t1", "t2", "memory");
        // The accelerator loads a tile from the interleaved banks while the CPU
        // stores to the code's bank (the model's accelerator-traffic path).
        asm volatile("mv a0, %0\n li a1, 16\n" MLD(0) MLD(1) MMASA(2, 0, 1)
                     "sw a1, 32(%1)\n sw a1, 36(%1)\n lw t0, 32(%1)\n sw t0, 40(%1)\n"
                     :: "r"(far), "r"(near) : "a0", "a1", "t0", "memory");
        sum += interleaved_code(far + 16, 12 + round);
    }
    for (int i = 0; i < 16; i++) sum += near[i];
    return sum;
}
