#!/usr/bin/env bash
# Configures and builds Nines. Usage: scripts/build.sh [--sanitize] (builds in build/ or build-asan/).
set -euo pipefail
cd "$(dirname "$0")/.."

dir=build
args=(-DCMAKE_BUILD_TYPE=RelWithDebInfo)
if [[ "${1:-}" == "--sanitize" ]]; then
  dir=build-asan
  args+=(-DNINES_SANITIZE=ON -DNINES_BUILD_BENCHMARKS=OFF)
fi

export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/nines-ccache}"
# Paths relative to the checkout, so that a fresh clone elsewhere (CI) hits the same cache.
export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$PWD}" CCACHE_NOHASHDIR="${CCACHE_NOHASHDIR:-1}"
generator=()
if command -v ninja >/dev/null; then generator=(-G Ninja); fi
if [[ ! -f "$dir/CMakeCache.txt" ]]; then
  cmake -S . -B "$dir" "${generator[@]}" "${args[@]}"
else
  cmake -S . -B "$dir" "${args[@]}" >/dev/null
fi
cmake --build "$dir" --parallel "$(nproc)"
