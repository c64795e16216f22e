// Erratum 1 of RVM-SPEC.md §2: mst.w of tile register m0 is lost on the RTL
// and the coprocessor stops accepting work two instructions later (the real
// hardware hangs). The simulator runs it and warns with the PC and the word.
#include "rvm_micro.h"

__attribute__((section(".xheep_data_interleaved"), aligned(16))) volatile int tile[16];

int main(void) {
    register unsigned base asm("a0") = (unsigned)tile;
    register unsigned stride asm("a1") = 16;
    asm volatile(MZERO(0) MST(0) :: "r"(base), "r"(stride) : "memory");
    return 0;
}
