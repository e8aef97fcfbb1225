#!/usr/bin/env bash
# The main job: installs what is missing, builds, and shows Nines on a bundled example: first
# the command-line analysis of the example (its summary, the simulated availability with
# confidence intervals, capacity, CAP and queue figures, the capacity headroom, and the exact
# steady-state analysis where it applies), then the editor window on it. With no display
# (no $DISPLAY or $WAYLAND_DISPLAY), the window is opened on a virtual display and saved as a
# screenshot instead.
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
echo

if [[ -n "${DISPLAY:-}" || -n "${WAYLAND_DISPLAY:-}" ]]; then
  echo "Opening the editor window on $example"
  exec "$nines" "$example"
fi
shot="${TMPDIR:-/tmp}/nines-editor.png"
echo "No display: opening the editor window on a virtual display and saving it as $shot"
xvfb-run -a -s "-screen 0 1600x1000x24" build/app/nines-screenshot "$shot" "$example"
echo "wrote $shot"
