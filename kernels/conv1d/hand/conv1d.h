/*
 * The conv1d case study (RVM-SPEC.md section 4), hand-written versions.
 *
 *   out[o][j] = sum_c sum_r (j + r < N ? data[c][j + r] : 0) * kernels[o][c][r]
 *
 * Sizes are compile-time macros (defaults: the case study). Every version
 * defines the same function, so a harness links exactly one of them.
 */
#ifndef CONV1D_H
#define CONV1D_H

#include <stdint.h>

#ifndef IC
#define IC 4 /* input channels */
#endif
#ifndef OC
#define OC 16 /* output channels */
#endif
#ifndef N
#define N 16 /* input and output width */
#endif
#ifndef W
#define W 4 /* kernel width */
#endif

#if IC < 1 || OC < 1 || N < 1 || W < 1
#error "conv1d: IC, OC, N and W must be positive"
#endif

/* data[IC][N], kernels[OC][IC][W], out[OC][N], all row-major int32. */
void conv1d(const int32_t *data, const int32_t *kernels, int32_t *out);

#endif /* CONV1D_H */
