// A small kernel for the timeline test: main calls tile_kernel, which zeroes an
// accumulator (permutation unit), loads two tiles (LSU), multiplies (systolic
// array), stores the result (LSU) and polls for it. Expected timeline: 5 spans
// on the offload-queue track, 1 on the systolic array, 3 on the LSU, 1 on the
// permutation unit; CPU function spans for _start, main and tile_kernel.
#include "rvm_micro.h"

// The three tiles back to back: a, b = a + 16 words, c = a + 32 words.
__attribute__((section(".xheep_data_interleaved"), aligned(16))) volatile int tiles[48];

__attribute__((noinline)) static int tile_kernel(void) {
    register unsigned base asm("a0") = (unsigned)tiles;
    register unsigned stride asm("a1") = 16;
    asm volatile(MZERO(2) MLD(0) "addi a0, a0, 64\n" MLD(1) MMASA(2, 1, 0) "addi a0, a0, 64\n" MST(2) POLL
                 : "+r"(base) : "r"(stride) : "t0", "memory");
    return tiles[32 + 15];
}

int main(void) {
    for (int i = 0; i < 16; i++) { tiles[i] = 1; tiles[16 + i] = 2; tiles[32 + i] = 0; }
    return tile_kernel();   // 4 x 1 x 2 = 8
}
