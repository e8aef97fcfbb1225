#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (build-fuzz/) and runs each for a while.
# Usage: scripts/fuzz.sh [--parallel] [SECONDS [TARGET...]]   default: 1800 s (30 min) each
#   CI runs `scripts/fuzz.sh 60`; --parallel runs the targets side by side instead of in turn. A finding stops with exit 1 and leaves the input that
#   triggered it in build-fuzz/findings/TARGET/ (turn it into a regression test); the corpus
#   grown by earlier runs is kept in build-fuzz/corpus/TARGET/.
set -euo pipefail
cd "$(dirname "$0")/.."
parallel=0
if [[ "${1:-}" == "--parallel" ]]; then parallel=1; shift; fi
seconds="${1:-1800}"
shift || true
targets=("$@")
if ((${#targets[@]} == 0)); then targets=(fuzz_model_file fuzz_scenarios fuzz_engine); fi

scripts/deps.sh
export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/nines-ccache}"
export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$PWD}" CCACHE_NOHASHDIR="${CCACHE_NOHASHDIR:-1}"
generator=()
if command -v ninja >/dev/null; then generator=(-G Ninja); fi
if [[ ! -f build-fuzz/CMakeCache.txt ]]; then
  cmake -S . -B build-fuzz "${generator[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_COMPILER=clang++ -DNINES_FUZZ=ON -DNINES_BUILD_TESTS=OFF >/dev/null
fi
cmake --build build-fuzz --parallel "$(nproc)" --target "${targets[@]}"

# Seed corpora: the bundled examples and the invalid corpus for the reader; each example's
# scenario list (after the byte that picks the example) for the scenario applier.
seed_corpus() {
  local target=$1 dir=build-fuzz/corpus/$1
  mkdir -p "$dir"
  case "$target" in
    fuzz_model_file) cp resources/examples/*.json tests/data/invalid/* "$dir"/ ;;
    fuzz_scenarios) /usr/bin/python3 - "$dir" resources/examples <<'PY'
import json, os, sys
out, examples = sys.argv[1], sys.argv[2]
for i, name in enumerate(sorted(n for n in os.listdir(examples) if n.endswith(".nines.json"))):
    doc = json.load(open(os.path.join(examples, name)))
    with open(os.path.join(out, "seed-" + name), "wb") as f:
        f.write(bytes([i]) + json.dumps(doc.get("scenarios", [])).encode())
PY
      ;;
    fuzz_engine) head -c 4096 /dev/urandom >"$dir/seed-random" ;;
  esac
}

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
export QT_QPA_PLATFORM=offscreen
# One target: its seed corpus, its run, and what it found (exit 1 on a finding).
run_target() {
  local t=$1 log="build-fuzz/$1.log"
  seed_corpus "$t"
  mkdir -p "build-fuzz/findings/$t"
  # -timeout: one input running longer is a hang (the engine's wall budget is 1 s; the rest of an
  # evaluation, under ASan on a busy machine, stays far below a minute);
  # -rss_limit_mb: a blow-up of memory is a finding too.
  if ! "build-fuzz/tests/fuzz/$t" "build-fuzz/corpus/$t" -max_total_time="$seconds" -timeout=60 \
       -rss_limit_mb=4096 -max_len=65536 -print_final_stats=1 \
       -artifact_prefix="build-fuzz/findings/$t/" >"$log" 2>&1; then
    echo "!! $t found a problem; the input is in build-fuzz/findings/$t/, the log in $log:"
    tail -n 40 "$log"
    return 1
  fi
}

report() {
  echo "== $1: $(grep -E '^Done' "build-fuzz/$1.log" || echo 'no final line')"
  grep -E "^stat::(number_of_executed_units|peak_rss_mb)|generated models valid" "build-fuzz/$1.log" || true
}

status=0
if ((parallel)); then
  pids=()
  for t in "${targets[@]}"; do echo "== $t: $seconds s"; run_target "$t" & pids+=($!); done
  for p in "${pids[@]}"; do wait "$p" || status=1; done
  for t in "${targets[@]}"; do report "$t"; done
else
  for t in "${targets[@]}"; do
    echo "== $t: $seconds s"
    run_target "$t" || status=1
    report "$t"
  done
fi
exit "$status"
