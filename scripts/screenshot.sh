#!/usr/bin/env bash
# Retakes the editor screenshots in docs/images/ (used by README.md and docs/) under a virtual X
# display: the window at 1600x1000 with a model open and the diagram fitted.
# Usage: scripts/screenshot.sh                 all pictures of the docs
#        scripts/screenshot.sh guide           the getting-started steps of docs/user-guide.md (1,280x720)
#        scripts/screenshot.sh laptop          editor, results, compare, sweep, improve at 1,280x720
#        scripts/screenshot.sh MODEL_FILE [OUT.png [COMPONENT_ID[:FIELD_PATH] | results | scenarios |
#                              edit-scenario:COMPONENT_ID | compare | improve | sweep:PATH=FROM..TO[:STEP][;...]]]
set -euo pipefail
TMPDIR="${TMPDIR:-/tmp}"
cd "$(dirname "$0")/.."
scripts/deps.sh
scripts/build.sh
shot() {
  mkdir -p "$(dirname "$2")"
  xvfb-run -a -s "-screen 0 1600x1000x24" build/app/nines-screenshot "$2" "$1" ${3:+"$3"}
  echo "wrote $2"
}
# The getting-started pictures of docs/user-guide.md: tst_getting_started walks through the guide's
# ten steps on a 1,280 by 720 screen with a window manager (openbox) and saves the window after each.
guide() {
  local d=$((300 + RANDOM % 300)) home
  home=$(mktemp -d)
  Xvfb ":$d" -screen 0 1280x720x24 -nolisten tcp >/dev/null 2>&1 & local xp=$!
  sleep 2
  DISPLAY=":$d" openbox >/dev/null 2>&1 & local op=$!
  sleep 1
  local rc=0
  DISPLAY=":$d" HOME="$home" XDG_RUNTIME_DIR="$home" QT_QPA_PLATFORM=xcb NINES_GUIDE_SHOTS="$PWD/docs/images/guide" \
    build/tests/ui/tst_getting_started >/dev/null || rc=$?
  kill "$op" "$xp" 2>/dev/null; wait "$op" "$xp" 2>/dev/null || true
  rm -rf "$home"
  [ "$rc" -eq 0 ] && echo "wrote docs/images/guide/step-01.png .. step-10.png"
  return "$rc"
}
# The window on a 1,280 by 720 laptop screen: editor, results and the Compare tab's three pages.
laptop() {
  local out=docs/images/laptop
  mkdir -p "$out"
  lshot() { NINES_SCREENSHOT_SIZE=1280x720 xvfb-run -a -s "-screen 0 1280x720x24" build/app/nines-screenshot "$out/$1" \
              resources/examples/three-tier-web.nines.json ${2:+"$2"}; }
  lshot editor.png
  lshot results.png results
  lshot compare.png compare
  lshot sweep.png 'sweep:components[app].instances=3..8'
  lshot improve.png improve
  echo "wrote $out/{editor,results,compare,sweep,improve}.png"
}
if [ "${1:-}" = "laptop" ]; then
  laptop
  exit $?
fi
if [ "${1:-}" = "guide" ]; then
  guide
  exit $?
fi
if [ $# -gt 0 ]; then
  shot "$1" "${2:-docs/images/editor.png}" "${3:-}"
  exit 0
fi
shot resources/examples/three-tier-web.nines.json docs/images/editor.png
shot resources/examples/three-tier-web.nines.json docs/images/results.png results
build/app/nines report resources/examples/three-tier-web.nines.json -o "$TMPDIR/nines-report.pdf" >/dev/null
pdftoppm -r 80 -f 1 -l 1 -png -singlefile "$TMPDIR/nines-report.pdf" docs/images/report-page-1
pdftoppm -r 80 -f 2 -l 2 -png -singlefile "$TMPDIR/nines-report.pdf" docs/images/report-page-2
pdftoppm -r 80 -f 3 -l 3 -png -singlefile "$TMPDIR/nines-report.pdf" docs/images/report-page-3
echo "wrote docs/images/results.png and the report pages"
shot resources/examples/cloud-from-catalogue.nines.json docs/images/catalogue-palette.png db
shot resources/examples/cloud-from-catalogue.nines.json docs/images/catalogue-inspector.png \
  'web:failure_modes[instance].repair'
shot resources/examples/three-tier-web.nines.json docs/images/scenario-edit.png edit-scenario:app
shot resources/examples/three-tier-web.nines.json docs/images/comparison.png compare
shot resources/examples/three-tier-web.nines.json docs/images/sweep.png 'sweep:components[app].instances=3..8'
shot resources/examples/three-tier-web.nines.json docs/images/sweep-heat-map.png \
  'sweep:components[app].instances=3..7;components[app].failure_modes[host].repair.mean_hours=2..12:2'
shot resources/examples/three-tier-web.nines.json docs/images/improve.png improve
guide
laptop
