#!/usr/bin/env bash
# The test command: install what is missing, build, run every test target.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build --build-tests
swift test --skip-build
