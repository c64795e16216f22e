/*
 * conv1d with RVM, tiled im2col, one accumulator tile.
 *
 * For each 4x4 output tile (output rows o0..o0+3, columns j0..j0+3):
 *   acc = 0
 *   for each input channel c:
 *     y[jj][r] = data[c][j0 + jj + r] (0 past the edge)      CPU, im2col
 *     D = y             (mld.w, row stride 16 bytes)
 *     K = kernels[o0..o0+3][c][0..3]   (mld.w, row stride IC*W*4 bytes)
 *     acc[i][jj] += sum_r K[i][r] * D[jj][r]
 *   out[o0..][j0..] = acc (mst.w, row stride N*4 bytes)
 *
 * Operand order (RVM-SPEC.md section 1): the text "mmasa.w md, ms2, ms1"
 * computes md[i][j] += sum_k ms1[i][k] * ms2[j][k], so the tile whose rows
 * index the result's columns (the im2col tile) is written second and the
 * kernel tile third: mmasa.w ACC, DATA, KERNEL.
 *
 * Tiles: DATA m0, KERNEL m1, ACC m4. m0 is only ever loaded and read (the RTL
 * loses `mst.w m0` and then hangs), and the two multiply sources differ (the
 * RTL hangs when they are the same register).
 *
 * Each channel has its own im2col buffer: the coprocessor does not keep memory
 * coherent with the CPU, and an mld.w can still be waiting (behind the
 * multiply that reads its destination) when the CPU moves on. Refilling a
 * single buffer for the next channel could then change what the pending
 * mld.w reads. With one buffer per channel, a buffer is refilled only in the
 * next output tile, 3*IC+2 coprocessor instructions later.
 *
 * The caller must let the last mst.w land before reading `out` (the
 * coprocessor does not signal completion to the CPU).
 */
#include "conv1d.h"
#include "rvm.h"

#if W != 4
#error "rvm_1acc: W must be 4 (one kernel row per tile row)"
#endif
#if N % 4 != 0 || OC % 4 != 0
#error "rvm_1acc: N and OC must be multiples of 4"
#endif

#define DATA "m0"
#define KERNEL "m1"
#define ACC "m4"

static int32_t y[IC][4 * 4];

void conv1d(const int32_t *data, const int32_t *kernels, int32_t *out) {
    for (int o0 = 0; o0 < OC; o0 += 4) {
        for (int j0 = 0; j0 < N; j0 += 4) {
            RVM_MZERO(ACC);
            for (int c = 0; c < IC; c++) {
                for (int jj = 0; jj < 4; jj++)
                    for (int r = 0; r < 4; r++) {
                        int j = j0 + jj + r;
                        y[c][jj * 4 + r] = j < N ? data[c * N + j] : 0;
                    }
                RVM_MLD_W(DATA, y[c], 4 * sizeof(int32_t));
                RVM_MLD_W(KERNEL, &kernels[(o0 * IC + c) * W], IC * W * sizeof(int32_t));
                RVM_MMASA_W(ACC, DATA, KERNEL);
            }
            RVM_MST_W(ACC, &out[o0 * N + j0], N * sizeof(int32_t));
        }
    }
}
