// The race of RVM-SPEC.md §1, as a kernel writer would hit it: the systolic
// array is busy with a chain of mmasa.w reading m0, the mld.w m0 of the im2col
// buffer waits behind it (WAR on m0), and the CPU rewrites that buffer for
// the next tile right after offloading the load. With the coprocessor's input
// buffer 4 deep the load is still queued when the CPU store lands, so on
// hardware it reads the new data: the hazard detector reports it.
// -DFIXED writes the next tile into a second buffer instead (double
// buffering): no CPU store touches a word a pending mld.w still has to read.
#include "rvm_micro.h"

__attribute__((section(".xheep_data_interleaved"), aligned(16))) volatile int im2col[2][16];

int main(void) {
    for (int i = 0; i < 16; i++) im2col[0][i] = i;
#ifdef FIXED
    volatile int *next = im2col[1];
#else
    volatile int *next = im2col[0];
#endif
    register unsigned base asm("a0") = (unsigned)im2col[0];
    register unsigned stride asm("a1") = 16;
    register unsigned rewrite asm("a2") = (unsigned)next;
    asm volatile(MMASA(2, 1, 0) MMASA(2, 1, 0) MMASA(2, 1, 0)   // m2 += ..., reads m0 three times
                 MLD(0)                                          // next im2col tile into m0
                 "li t0, 99\n sw t0, 4(a2)\n"                    // CPU builds the next tile
                 :: "r"(base), "r"(stride), "r"(rewrite) : "t0", "memory");
    return 0;
}
