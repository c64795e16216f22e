/*
 * conv1d with RVM, tiled im2col, four accumulator tiles sharing one im2col
 * tile per channel.
 *
 * For each block of 16 output rows (o0..o0+15) and each output-column tile
 * (j0..j0+3):
 *   acc[0..3] = 0
 *   for each input channel c:
 *     y[jj][r] = data[c][j0 + jj + r] (0 past the edge)      CPU, im2col
 *     D = y                                                  (mld.w)
 *     for b in 0..3:
 *       K = kernels[o0+4b .. o0+4b+3][c][0..3]               (mld.w)
 *       acc[b][i][jj] += sum_r K[i][r] * D[jj][r]            (mmasa.w acc[b], D, K)
 *   out[o0+4b ..][j0..] = acc[b] for b in 0..3               (mst.w)
 *
 * The im2col tile is built and loaded once per channel and used by four
 * multiplies, against once per multiply in rvm_1acc.c.
 *
 * Operand order (RVM-SPEC.md section 1): "mmasa.w md, ms2, ms1" computes
 * md[i][j] += sum_k ms1[i][k] * ms2[j][k]: mmasa.w ACC, DATA, KERNEL.
 *
 * Tiles: DATA m0; kernel tiles rotate over m1, m2, m3, m1 (8 tiles in all);
 * accumulators m4..m7. m0 is never stored (RTL erratum 1) and the multiply
 * sources always differ (erratum 2).
 *
 * One im2col buffer per channel, for the reason given in rvm_1acc.c: a buffer
 * is refilled only for the next output tile, 9*IC+8 coprocessor instructions
 * after the mld.w that read it.
 *
 * The caller must let the last mst.w land before reading `out`.
 */
#include "conv1d.h"
#include "rvm.h"

#if W != 4
#error "rvm_4acc: W must be 4 (one kernel row per tile row)"
#endif
#if N % 4 != 0
#error "rvm_4acc: N must be a multiple of 4"
#endif
#if OC % 16 != 0
#error "rvm_4acc: OC must be a multiple of 16 (four 4-row accumulator tiles)"
#endif

#define DATA "m0"
#define KERNEL_A "m1"
#define KERNEL_B "m2"
#define KERNEL_C "m3"
#define ACC_0 "m4"
#define ACC_1 "m5"
#define ACC_2 "m6"
#define ACC_3 "m7"

#define KERNEL_STRIDE (IC * W * sizeof(int32_t))
#define OUT_STRIDE (N * sizeof(int32_t))

static int32_t y[IC][4 * 4];

void conv1d(const int32_t *data, const int32_t *kernels, int32_t *out) {
    for (int o0 = 0; o0 < OC; o0 += 16) {
        for (int j0 = 0; j0 < N; j0 += 4) {
            RVM_MZERO(ACC_0);
            RVM_MZERO(ACC_1);
            RVM_MZERO(ACC_2);
            RVM_MZERO(ACC_3);
            for (int c = 0; c < IC; c++) {
                for (int jj = 0; jj < 4; jj++)
                    for (int r = 0; r < 4; r++) {
                        int j = j0 + jj + r;
                        y[c][jj * 4 + r] = j < N ? data[c * N + j] : 0;
                    }
                RVM_MLD_W(DATA, y[c], 4 * sizeof(int32_t));
                const int32_t *k = &kernels[(o0 * IC + c) * W]; /* rows o0..o0+3 */
                RVM_MLD_W(KERNEL_A, k, KERNEL_STRIDE);
                RVM_MMASA_W(ACC_0, DATA, KERNEL_A);
                RVM_MLD_W(KERNEL_B, k + 4 * IC * W, KERNEL_STRIDE);
                RVM_MMASA_W(ACC_1, DATA, KERNEL_B);
                RVM_MLD_W(KERNEL_C, k + 8 * IC * W, KERNEL_STRIDE);
                RVM_MMASA_W(ACC_2, DATA, KERNEL_C);
                RVM_MLD_W(KERNEL_A, k + 12 * IC * W, KERNEL_STRIDE);
                RVM_MMASA_W(ACC_3, DATA, KERNEL_A);
            }
            int32_t *dst = &out[o0 * N + j0];
            RVM_MST_W(ACC_0, dst, OUT_STRIDE);
            RVM_MST_W(ACC_1, dst + 4 * N, OUT_STRIDE);
            RVM_MST_W(ACC_2, dst + 8 * N, OUT_STRIDE);
            RVM_MST_W(ACC_3, dst + 12 * N, OUT_STRIDE);
        }
    }
}
