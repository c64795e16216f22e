// RVM-SPEC.md §1's observation on the RTL: a CPU rewrite of a buffer issued
// right after an mld.w of it, the mld.w held back by a WAR on its destination
// behind busy mmasa.w work, is partly seen by that mld.w with the
// coprocessor's input buffer 4 deep and not at all with it 1 deep.
//
// Three mmasa.w m2 += ... read m0 (a WAW chain on m2, 14 cycles each), then
// mld.w m0 of `buffer`, then the CPU rewrites the 16 words of `buffer` in a
// loop (one store per 7 cycles). Depth 4: the CPU is released at once and the
// mld.w waits in the input buffer behind the chain, so the first stores land
// before it reads memory. Depth 1: the CPU is held on the mld.w until the last
// mmasa.w is dispatched; the mld.w is then dispatched the next cycle and its
// LSU reads all four rows into the load FIFO (the WAR only holds the register
// writes) before the first store lands.
#include "rvm_micro.h"

__attribute__((section(".xheep_data_interleaved"), aligned(16))) volatile int buffer[16];

int main(void) {
    for (int i = 0; i < 16; i++) buffer[i] = i;
    register unsigned base asm("a0") = (unsigned)buffer;
    register unsigned stride asm("a1") = 16;
    asm volatile(MMASA(2, 1, 0) MMASA(2, 1, 0) MMASA(2, 1, 0)   // m2 += ..., reads m0
                 MLD(0)                                          // buffer -> m0 (WAR on m0)
                 "li t0, 100\n mv t1, a0\n li t2, 16\n"          // the CPU rewrites buffer
                 "1: sw t0, 0(t1)\n addi t0, t0, 1\n addi t1, t1, 4\n addi t2, t2, -1\n bnez t2, 1b\n"
                 :: "r"(base), "r"(stride) : "t0", "t1", "t2", "memory");
    return 0;
}
