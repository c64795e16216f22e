/*
 * Host check for the hand-written conv1d versions: build one version with the
 * host compiler (cc -DRVM_HOST_EMULATION -I../../runtime host_check.c X.c) and
 * run it. It prints the case-study output (OC lines of N numbers, for the
 * caller to check independently), then compares the version against a
 * reference written differently (explicitly zero-padded input) on the case
 * study and on random data. Exit status 0 when every element matches.
 */
#include <stdio.h>
#include <string.h>

#include "conv1d.h"

static int32_t data[IC * N], kernels[OC * IC * W], out[OC * N], expected[OC * N];

static void reference(void) {
    static int32_t padded[IC][N + W];
    memset(padded, 0, sizeof padded);
    for (int c = 0; c < IC; c++)
        for (int j = 0; j < N; j++) padded[c][j] = data[c * N + j];
    for (int o = 0; o < OC; o++)
        for (int j = 0; j < N; j++) {
            int64_t sum = 0;
            for (int r = 0; r < W; r++)
                for (int c = 0; c < IC; c++) sum += (int64_t)padded[c][j + r] * kernels[(o * IC + c) * W + r];
            expected[o * N + j] = (int32_t)sum;
        }
}

/* Runs the version under test and counts the elements that differ. */
static int reported;
static int check(const char *what) {
    reference();
    for (int i = 0; i < OC * N; i++) out[i] = (int32_t)0xDEADBEEF; /* catch unwritten elements */
    conv1d(data, kernels, out);
    int errors = 0;
    for (int i = 0; i < OC * N; i++)
        if (out[i] != expected[i]) {
            if (reported++ < 10)
                fprintf(stderr, "%s: out[%d][%d] = %d, expected %d\n", what, i / N, i % N, out[i], expected[i]);
            errors++;
        }
    return errors;
}

static uint32_t lcg_state;
static int32_t small_random(void) { /* in -1000..1000: sums cannot overflow int32 */
    lcg_state = lcg_state * 1664525u + 1013904223u;
    return (int32_t)((lcg_state >> 8) % 2001) - 1000;
}

int main(void) {
    /* The case study: data[c][j] = j, kernels[o][c][k] = o*100 + c*10 + k. */
    for (int c = 0; c < IC; c++)
        for (int j = 0; j < N; j++) data[c * N + j] = j;
    for (int o = 0; o < OC; o++)
        for (int c = 0; c < IC; c++)
            for (int k = 0; k < W; k++) kernels[(o * IC + c) * W + k] = o * 100 + c * 10 + k;
    int errors = check("case study");
    for (int o = 0; o < OC; o++)
        for (int j = 0; j < N; j++) printf("%d%c", out[o * N + j], j + 1 < N ? ' ' : '\n');

    for (uint32_t seed = 1; seed <= 20; seed++) {
        lcg_state = seed;
        for (int i = 0; i < IC * N; i++) data[i] = small_random();
        for (int i = 0; i < OC * IC * W; i++) kernels[i] = small_random();
        errors += check("random");
    }
    if (errors) fprintf(stderr, "%d mismatches\n", errors);
    return errors != 0;
}
