#!/usr/bin/env bash
# Rebuilds bench-sim.elf (committed so `rvm bench-sim` always measures the same
# binary). Run from anywhere; needs gcc-riscv64-unknown-elf.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
runtime="$here/../runtime"
riscv64-unknown-elf-gcc -march=rv32im -mabi=ilp32 -O2 -nostdlib -I"$runtime" \
    -T "$runtime/xheep.ld" "$runtime/crt0.S" "$here/bench-sim.c" "$runtime/libc_min.c" -lgcc \
    -o "$here/bench-sim.elf"
