#!/usr/bin/env bash
# Runs the QBENCHMARK targets (not part of ctest) and prints their figures.
# See docs/performance.md for what they measure and the latest numbers.
set -euo pipefail
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"  # the editor benchmark needs no display
cd "$(dirname "$0")/.."
scripts/deps.sh
scripts/build.sh
for b in build/tests/bench/bench_*; do
  [[ -f "$b" && -x "$b" ]] || continue  # (not the *_autogen directories)
  echo "== $(basename "$b")"
  # qInfo lines carry the figures; QBENCHMARK prints its measurement on the line after RESULT.
  { "$b" "$@" 2>&1 || { s=$?; echo "FAIL: $(basename "$b") exited with status $s"; }; } \
    | awk '/^QINFO|FAIL/ {print} /^RESULT/ {print; if ((getline line) > 0) print line}' \
    | sed -e 's/^QINFO *: *[A-Za-z0-9_]*::[A-Za-z0-9_]*([^)]*) //'
done
