#!/usr/bin/env bash
# The main job: installs what is missing, builds, and shows Nines on a bundled example.
# With a display, the window opens on the example (once the editor exists); without one,
# the command-line analysis of the example is printed.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/deps.sh
scripts/build.sh

example="resources/examples/three-tier-web.nines.json"
nines=build/app/nines
"$nines" check "$example"
echo
"$nines" describe "$example"
