#!/usr/bin/env bash
# Retakes the editor screenshot in docs/images/ (used by README.md) under a virtual X display:
# the window at 1600x1000 with the three-tier example open and the diagram fitted.
# Usage: scripts/screenshot.sh [MODEL_FILE [OUT.png]]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
scripts/build.sh
model="${1:-resources/examples/three-tier-web.nines.json}"
out="${2:-docs/images/editor.png}"
mkdir -p "$(dirname "$out")"
xvfb-run -a -s "-screen 0 1600x1000x24" build/app/nines-screenshot "$out" "$model"
echo "wrote $out"
