#!/usr/bin/env bash
# The test command: installs what is missing, builds, and runs every test through ctest.
# Usage: scripts/test.sh              normal build (build/), all tests
#        scripts/test.sh --sanitize   ASan+UBSan build (build-asan/), the unit and gui labels
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/deps.sh
scripts/build.sh "$@"

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
if [[ "${1:-}" == "--sanitize" ]]; then
  # LeakSanitizer reports Qt's and fontconfig's process-lifetime allocations; suppress only those.
  export LSAN_OPTIONS="suppressions=$PWD/scripts/lsan.supp:print_suppressions=0"
  ctest --test-dir build-asan --output-on-failure -j "$(nproc)" -L "unit|gui"
else
  ctest --test-dir build --output-on-failure -j "$(nproc)"
fi
