#!/usr/bin/env bash
# Page weight of Plenum in real Chromium: bytes transferred (compressed, cache off) and requests
# per page — start, join, participant board (demo and 100 proposals), edit and report pages,
# staff login and start page — whether any wasm loads, the participant JS, and the join and
# login pages on an emulated slow phone (CPU / 6, 400 kbit/s, 400 ms RTT). Needs a release
# build (`make`); does not build one.
#
#   scripts/bench-pages.sh            # table
#   scripts/bench-pages.sh --json     # JSON
#
# PLENUM_BIN and PLENUM_SITE_ROOT choose another binary and site (e.g. a copy that a rebuild
# cannot change during the run); DATA_DIR the test data with the proposals for the full board.
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$(pwd)"
# `make build` puts both here, whatever CARGO_TARGET_DIR is.
export PLENUM_BIN="${PLENUM_BIN:-$repo/target/release/plenum}"
export PLENUM_SITE_ROOT="${PLENUM_SITE_ROOT:-$repo/target/site}"
export DATA_DIR="${DATA_DIR:-$repo/../shared/data}"
cd end2end
node bench/page-weight.mjs "$@"
