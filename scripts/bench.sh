#!/usr/bin/env bash
# The main job: the conv1d study (every schedule -> simulated cycles table).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build -c release --product rvm
.build/release/rvm bench "$@"
