#!/usr/bin/env bash
# Real-browser test of the HTML report: renders the seed report, opens it in
# headless Chromium through chromedriver and checks the DOM (see check.py).
#
#   tests/browser/run.sh [OUT_DIR]     (default: target/browser)
#
# Installs Debian's chromium and chromium-driver when missing (needs root).
# Screenshots go to OUT_DIR: desktop-1280.png, phone-390.png,
# phone-390-event.png, timeline-1280.png, matrix-1280.png, conflict-1280.png.
set -euo pipefail
cd "$(dirname "$0")/../.."
out="${1:-target/browser}"
mkdir -p "$out"

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y --no-install-recommends chromium chromium-driver \
        || { apt-get update && apt-get install -y --no-install-recommends chromium chromium-driver; }
fi

cargo build --quiet --bin factdiff
bin=target/debug/factdiff
# Exit code 1 means "conflicts found": expected on the seeds.
"$bin" compare fixtures/seeds --format html -o "$out/report.html" || [ $? -eq 1 ]
"$bin" compare fixtures/seeds --format json -o "$out/report.json" || [ $? -eq 1 ]

python3 tests/browser/check.py "$out/report.html" "$out/report.json" "$out"
