#!/usr/bin/env bash
# The main job: installs what is missing, builds, and shows Nines on a bundled example.
# Until the editor window exists (and on a machine with no display), it prints the
# command-line analysis of the example: its summary, the simulated availability with
# confidence intervals (with capacity, CAP and queue figures), the capacity headroom, and the
# exact steady-state analysis where it applies.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/deps.sh
scripts/build.sh

example="${1:-resources/examples/three-tier-web.nines.json}"
nines=build/app/nines
"$nines" check "$example"
echo
"$nines" describe "$example"
echo
"$nines" simulate "$example"
echo
"$nines" simulate "$example" --steady-state
echo
"$nines" capacity "$example"
echo
# Exit code 3 means the exact solver does not apply; it says why, and that is fine here.
"$nines" analyze "$example" || [[ $? -eq 3 ]]
