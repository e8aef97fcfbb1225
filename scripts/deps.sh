#!/usr/bin/env bash
# Installs the Debian 12 packages Nines needs to build, test and run, and only those missing.
# Sourced or run by scripts/run.sh and scripts/test.sh; safe to run again (does nothing then).
set -euo pipefail

NINES_PACKAGES=(
  g++ cmake ninja-build ccache pkg-config
  qt6-base-dev qt6-base-dev-tools qt6-svg-dev libgl-dev
  libqcustomplot-dev libqcustomplot2.1-qt6
  libeigen3-dev libboost-dev libboost-graph-dev libboost-math-dev
  xvfb xauth fonts-dejavu-core poppler-utils
  python3 python3-jsonschema
  clang libclang-rt-14-dev  # scripts/fuzz.sh: libFuzzer with ASan and UBSan
)

missing=()
for p in "${NINES_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if ((${#missing[@]} > 0)); then
  echo "nines: installing missing packages: ${missing[*]}" >&2
  SUDO=()
  if [[ $(id -u) -ne 0 ]]; then
    SUDO=(sudo)
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${SUDO[@]}" apt-get update -qq
  "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
