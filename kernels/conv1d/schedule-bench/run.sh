#!/bin/sh
# Times the conv1d case-study schedule + C generation in a release build:
#   kernels/conv1d/schedule-bench/run.sh   (from the package root)
set -e
swift build -c release --target RVMTarget
B=.build/release
OUT=$(mktemp -d)
swiftc -O -I "$B/Modules" -Xcc -fmodule-map-file=Sources/CZ3/module.modulemap \
    kernels/conv1d/schedule-bench/main.swift "$B"/Schedule.build/*.o "$B"/RVMTarget.build/*.o -lz3 -o "$OUT/schedule-bench"
"$OUT/schedule-bench" kernels/conv1d/conv1d.exo
rm -rf "$OUT"
