/* X-HEEP start-up code for the rvm toolkit (RVM-SPEC.md §3).
 *
 *   0x000  trap vector table (32 entries; mtvec is left at its reset value,
 *          so the simulator reports any trap with its PC and instruction;
 *          a program that sets mtvec = 1 gets the vectored table below)
 *   0x180  _start: set gp and sp, clear .bss, call main(0, 0), then exit
 *          through soc_ctrl with main's return value (EXIT_VALUE, EXIT_VALID).
 *
 * Build: riscv64-unknown-elf-gcc -march=rv32im -mabi=ilp32 -O2 -nostartfiles \
 *          -T kernels/runtime/xheep.ld kernels/runtime/crt0.S prog.c -lgcc
 */
    .option norvc
    .option arch, +zicsr

    .equ SOC_CTRL_BASE, 0x20000000
    .equ EXIT_VALID,    0x0
    .equ EXIT_VALUE,    0x4

    .section .vectors, "ax"
    .globl __vector_table
__vector_table:
    .rept 32
    j __unexpected_trap
    .endr

    .section .text.start, "ax"
    .globl _start
    .type _start, @function
_start:
    .option push
    .option norelax
    la gp, __global_pointer$
    .option pop
    la sp, __stack_top

    la t0, __bss_start
    la t1, __bss_end
1:  bgeu t0, t1, 2f
    sw zero, 0(t0)
    addi t0, t0, 4
    j 1b
2:
    li a0, 0
    li a1, 0
    call main
    /* fall through: exit with main's return value in a0 */
    .globl _exit
_exit:
    li t0, SOC_CTRL_BASE
    sw a0, EXIT_VALUE(t0)
    li t1, 1
    sw t1, EXIT_VALID(t0)
3:  wfi
    j 3b
    .size _start, . - _start

/* Any trap reaching the table ends the program with 0xDEAD0000 | mcause. */
__unexpected_trap:
    csrr a0, mcause
    li t0, 0xFFFF
    and a0, a0, t0
    li t0, 0xDEAD0000
    or a0, a0, t0
    j _exit
