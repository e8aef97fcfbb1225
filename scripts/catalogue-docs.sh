#!/bin/bash
# Regenerates docs/catalogue.md from resources/catalogue/catalogue.json (through the built
# `nines catalogue --markdown`). tests/app/tst_catalogue_cli fails while the two disagree.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR="${BUILD_DIR:-build}"
cmake --build "$BUILD_DIR" --target nines >/dev/null
"$BUILD_DIR/app/nines" catalogue --markdown > docs/catalogue.md
echo "docs/catalogue.md regenerated"
