/* CPU-bound RV32IM workload for `rvm bench-sim` (simulator speed, not a
 * hardware benchmark): integer matrix multiply, CRC-32, a sieve and a
 * division-heavy digit sum, repeated. Exits through soc_ctrl with a checksum.
 * Build: see build.sh next to this file. */
#include "xheep.h"

#define N 16
static int a[N][N], b[N][N], c[N][N];
static unsigned char sieve[4096];

static void matmul(void) {
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            int s = 0;
            for (int k = 0; k < N; k++) s += a[i][k] * b[k][j];
            c[i][j] = s;
        }
}

static xheep_u32 crc32(const unsigned char *p, int n, xheep_u32 crc) {
    crc = ~crc;
    while (n--) {
        crc ^= *p++;
        for (int k = 0; k < 8; k++) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1)));
    }
    return ~crc;
}

static int primes(void) {
    int count = 0;
    for (int i = 0; i < (int)sizeof sieve; i++) sieve[i] = 1;
    for (int i = 2; i < (int)sizeof sieve; i++) {
        if (!sieve[i]) continue;
        count++;
        for (int j = i + i; j < (int)sizeof sieve; j += i) sieve[j] = 0;
    }
    return count;
}

static xheep_u32 digit_sums(xheep_u32 seed) {
    xheep_u32 total = 0;
    for (xheep_u32 v = seed; v < seed + 2000; v++) {
        xheep_u32 x = v * 2654435761u;
        while (x) { total += x % 10; x /= 10; }
    }
    return total;
}

int main(void) {
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) { a[i][j] = i * 7 - j; b[i][j] = i + j * 3; }
    xheep_u32 check = 0;
    for (int round = 0; round < 400; round++) {
        a[round % N][round % N] += round;
        matmul();
        check = crc32((const unsigned char *)c, sizeof c, check);
        check += (xheep_u32)primes();
        check ^= digit_sums((xheep_u32)round * 1000u);
    }
    return (int)check;
}
