/* memset/memcpy/memmove/memcmp for programs built without a C library: GCC may
 * emit calls to them (struct copies, zeroing loops). Link this file with
 * crt0.S when the program needs them. */
#include <stddef.h>
typedef __UINT8_TYPE__ uint8_t;

/* Keep GCC from recognising these loops as memset/memcpy and calling itself. */
#pragma GCC optimize("no-tree-loop-distribute-patterns")

void *memset(void *dst, int value, size_t n) {
    uint8_t *d = dst;
    while (n--) *d++ = (uint8_t)value;
    return dst;
}

void *memcpy(void *restrict dst, const void *restrict src, size_t n) {
    uint8_t *d = dst;
    const uint8_t *s = src;
    while (n--) *d++ = *s++;
    return dst;
}

void *memmove(void *dst, const void *src, size_t n) {
    uint8_t *d = dst;
    const uint8_t *s = src;
    if (d < s) { while (n--) *d++ = *s++; }
    else { d += n; s += n; while (n--) *--d = *--s; }
    return dst;
}

int memcmp(const void *a, const void *b, size_t n) {
    const uint8_t *x = a, *y = b;
    for (; n; n--, x++, y++) if (*x != *y) return *x - *y;
    return 0;
}
