#!/usr/bin/env bash
# npm start: set up, then serve the designer and the API (Ctrl+C stops it).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export JUNCTION_DATA_DIR="${JUNCTION_DATA_DIR:-$PWD/data}"
cd apps/server
# exec, so that Ctrl+C reaches the server itself and it closes cleanly
exec node src/main.ts
