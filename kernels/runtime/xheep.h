/* X-HEEP console and exit helpers for bare-metal programs built with crt0.S and
 * xheep.ld (RVM-SPEC.md §3). No C library needed. */
#ifndef XHEEP_H
#define XHEEP_H

/* The Debian cross toolchain has no C library headers; take the fixed-width
 * types from the compiler (what <stdint.h> does under -ffreestanding). */
typedef __UINT8_TYPE__  xheep_u8;
typedef __UINT32_TYPE__ xheep_u32;
typedef __INT32_TYPE__  xheep_i32;

#define XHEEP_SOC_CTRL_BASE   0x20000000u
#define XHEEP_EXIT_VALID      (XHEEP_SOC_CTRL_BASE + 0x0)
#define XHEEP_EXIT_VALUE      (XHEEP_SOC_CTRL_BASE + 0x4)
#define XHEEP_PUTCHAR         0x20070000u
/* OpenTitan UART: 0x200A0000 in X-HEEP 2024-08, 0x30080000 in 2025-11. */
#define XHEEP_UART_BASE       0x200A0000u
#define XHEEP_UART_STATUS     (XHEEP_UART_BASE + 0x10)
#define XHEEP_UART_WDATA      (XHEEP_UART_BASE + 0x18)
#define XHEEP_UART_TXFULL     0x1u

/* Put data in the word-interleaved banks (where RVM rows hit 4 banks at once). */
#define XHEEP_INTERLEAVED __attribute__((section(".xheep_data_interleaved"), aligned(16)))

static inline void xheep_putchar(char c) {
    while (*(volatile xheep_u32 *)XHEEP_UART_STATUS & XHEEP_UART_TXFULL) { }
    *(volatile xheep_u32 *)XHEEP_UART_WDATA = (xheep_u8)c;
}

static inline void xheep_puts(const char *s) {
    while (*s) xheep_putchar(*s++);
}

/* Prints v in decimal (no printf needed). */
static inline void xheep_putint(xheep_i32 v) {
    char digits[12];
    int n = 0;
    xheep_u32 u = v < 0 ? 0u - (xheep_u32)v : (xheep_u32)v;
    do { digits[n++] = (char)('0' + u % 10); u /= 10; } while (u);
    if (v < 0) xheep_putchar('-');
    while (n) xheep_putchar(digits[--n]);
}

/* Ends the program with a full 32-bit exit value. */
static inline __attribute__((noreturn)) void xheep_exit(xheep_u32 value) {
    *(volatile xheep_u32 *)XHEEP_EXIT_VALUE = value;
    *(volatile xheep_u32 *)XHEEP_EXIT_VALID = 1;
    for (;;) __asm__ volatile("wfi");
}

/* mcycle, counting enabled (mcountinhibit resets to 0xD on cv32e40p). */
static inline void xheep_cycles_start(void) {
    __asm__ volatile(".option push\n.option arch, +zicsr\n"
                     "csrci mcountinhibit, 1\ncsrw mcycle, zero\n.option pop" ::: "memory");
}

static inline xheep_u32 xheep_cycles(void) {
    xheep_u32 c;
    __asm__ volatile(".option push\n.option arch, +zicsr\ncsrr %0, mcycle\n.option pop" : "=r"(c) :: "memory");
    return c;
}

#endif
