#!/usr/bin/env bash
# Installs what the toolkit needs on a fresh Debian machine; a no-op when present.
set -euo pipefail
packages=(gcc-riscv64-unknown-elf picolibc-riscv64-unknown-elf libelf-dev libz3-dev qemu-system-misc pkg-config)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: installing ${missing[*]}" >&2
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
command -v swift >/dev/null || { echo "setup: swift is not on the PATH" >&2; exit 1; }
