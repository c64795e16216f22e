/* conv1d, scalar reference: plain loops, zero padding past the right edge. */
#include "conv1d.h"

void conv1d(const int32_t *data, const int32_t *kernels, int32_t *out) {
    for (int o = 0; o < OC; o++) {
        for (int j = 0; j < N; j++) {
            int32_t sum = 0;
            for (int c = 0; c < IC; c++) {
                for (int r = 0; r < W; r++) {
                    int32_t x = j + r < N ? data[c * N + j + r] : 0;
                    sum += kernels[(o * IC + c) * W + r] * x;
                }
            }
            out[o * N + j] = sum;
        }
    }
}
