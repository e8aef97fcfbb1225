#!/usr/bin/env bash
# Runs the QBENCHMARK targets (not part of ctest) and prints their figures.
# See docs/performance.md for what they measure and the latest numbers.
set -euo pipefail
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"  # the editor benchmark needs no display
cd "$(dirname "$0")/.."
scripts/deps.sh
scripts/build.sh
for b in build/tests/bench/bench_*; do
  [[ -x "$b" ]] || continue
  echo "== $(basename "$b")"
  "$b" -silent "$@" 2>&1 | grep -E "QINFO|RESULT|FAIL" | sed -e 's/^QINFO *: *[A-Za-z]*::[A-Za-z]*() //'
done
