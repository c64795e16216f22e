/*
 * rvm_host_emulation.h: the RVM_* macros of rvm.h as plain C, for checking
 * kernels on the host (cc -DRVM_HOST_EMULATION). Semantics per RVM-SPEC.md
 * section 1, executed in program order (the host is sequentially consistent,
 * so this cannot show the coprocessor's memory races). Included by rvm.h; not
 * meant to be included directly.
 */
#ifndef RVM_HOST_EMULATION_H
#define RVM_HOST_EMULATION_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* 8 tiles x 4 rows x 16 bytes, viewed as int32/int16/int8/float per instruction. */
static uint8_t rvm_emu_tiles[8][4][16];

/* "m0".."m7" -> 0..7; anything else is a bug in the kernel: stop loudly. */
static inline int rvm_emu_tile(const char *name) {
    if (name[0] == 'm' && name[1] >= '0' && name[1] <= '7' && name[2] == '\0') return name[1] - '0';
    fprintf(stderr, "rvm emulation: \"%s\" is not a tile register\n", name);
    abort();
}

static inline void rvm_emu_check_errata_multiply(int ms1, int ms2) {
    if (ms1 == ms2) {
        fprintf(stderr, "rvm emulation: multiply with both sources m%d hangs the RTL (erratum 2)\n", ms1);
        abort();
    }
}

static inline void rvm_emu_mzero(int md) { memset(rvm_emu_tiles[md], 0, sizeof rvm_emu_tiles[md]); }

static inline void rvm_emu_mld_w(int md, const void *base, uintptr_t stride) {
    for (int i = 0; i < 4; i++) memcpy(rvm_emu_tiles[md][i], (const char *)base + i * stride, 16);
}

static inline void rvm_emu_mst_w(int ms, void *base, uintptr_t stride) {
    if (ms == 0) {
        fprintf(stderr, "rvm emulation: mst.w m0 hangs the RTL (erratum 1)\n");
        abort();
    }
    for (int i = 0; i < 4; i++) memcpy((char *)base + i * stride, rvm_emu_tiles[ms][i], 16);
}

/* md[i][j] += sum_k ms1[i][k] * ms2[j][k], products wrapping in 32 bits. */
#define RVM_EMU_INT_MULTIPLY(fn, T, K)                                              \
    static inline void fn(int md, int ms1, int ms2) {                               \
        rvm_emu_check_errata_multiply(ms1, ms2);                                    \
        for (int i = 0; i < 4; i++)                                                 \
            for (int j = 0; j < 4; j++) {                                           \
                int32_t acc;                                                        \
                memcpy(&acc, &rvm_emu_tiles[md][i][4 * j], 4);                      \
                uint32_t sum = (uint32_t)acc;                                       \
                for (int k = 0; k < (K); k++) {                                     \
                    T a, b;                                                         \
                    memcpy(&a, &rvm_emu_tiles[ms1][i][k * sizeof(T)], sizeof(T));   \
                    memcpy(&b, &rvm_emu_tiles[ms2][j][k * sizeof(T)], sizeof(T));   \
                    sum += (uint32_t)((int32_t)a * (int32_t)b);                     \
                }                                                                   \
                memcpy(&rvm_emu_tiles[md][i][4 * j], &sum, 4);                      \
            }                                                                       \
    }
RVM_EMU_INT_MULTIPLY(rvm_emu_mmasa_w, int32_t, 4)
RVM_EMU_INT_MULTIPLY(rvm_emu_mmada_h, int16_t, 8)
RVM_EMU_INT_MULTIPLY(rvm_emu_mmaqa_b, int8_t, 16)

static inline void rvm_emu_fmmacc_s(int md, int ms1, int ms2) {
    rvm_emu_check_errata_multiply(ms1, ms2);
    for (int i = 0; i < 4; i++)
        for (int j = 0; j < 4; j++) {
            float acc, a, b;
            memcpy(&acc, &rvm_emu_tiles[md][i][4 * j], 4);
            for (int k = 0; k < 4; k++) {
                memcpy(&a, &rvm_emu_tiles[ms1][i][4 * k], 4);
                memcpy(&b, &rvm_emu_tiles[ms2][j][4 * k], 4);
                acc += a * b;
            }
            memcpy(&rvm_emu_tiles[md][i][4 * j], &acc, 4);
        }
}

/* Same spelling and operand order as the target macros in rvm.h. */
#define RVM_MZERO(md) rvm_emu_mzero(rvm_emu_tile(md))
#define RVM_MLD_W(md, base, stride) rvm_emu_mld_w(rvm_emu_tile(md), (base), (uintptr_t)(stride))
#define RVM_MST_W(ms, base, stride) rvm_emu_mst_w(rvm_emu_tile(ms), (base), (uintptr_t)(stride))
#define RVM_MMASA_W(md, ms2, ms1) rvm_emu_mmasa_w(rvm_emu_tile(md), rvm_emu_tile(ms1), rvm_emu_tile(ms2))
#define RVM_MMADA_H(md, ms2, ms1) rvm_emu_mmada_h(rvm_emu_tile(md), rvm_emu_tile(ms1), rvm_emu_tile(ms2))
#define RVM_MMAQA_B(md, ms2, ms1) rvm_emu_mmaqa_b(rvm_emu_tile(md), rvm_emu_tile(ms1), rvm_emu_tile(ms2))
#define RVM_FMMACC_S(md, ms2, ms1) rvm_emu_fmmacc_s(rvm_emu_tile(md), rvm_emu_tile(ms1), rvm_emu_tile(ms2))

#endif /* RVM_HOST_EMULATION_H */
