#!/usr/bin/env bash
# Simulator speed: release build, then simulated MIPS on kernels/bench-sim.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build -c release --product rvm
.build/release/rvm bench-sim "$@"
