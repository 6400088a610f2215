#!/usr/bin/env bash
# npm test: set up, then lint, typecheck, unit + integration tests, and browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/ensure-chromium.sh
source scripts/ensure-pnpm.sh
RESULTS="$PWD/.test-results"
rm -rf "$RESULTS" && mkdir -p "$RESULTS"
echo "== lint (biome)"
pnpm exec biome ci --colors=off .
echo "== typecheck (tsc strict)"
pnpm exec turbo run typecheck
echo "== unit + integration tests (vitest, embedded PGlite)"
pnpm exec vitest run --reporter=default --reporter=json --outputFile.json="$RESULTS/vitest-pglite.json"
if [ -n "${JUNCTION_TEST_DATABASE_URL:-postgresql://127.0.0.1:5432/test}" ] && pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
  echo "== server integration tests against PostgreSQL"
  JUNCTION_TEST_DATABASE_URL="${JUNCTION_TEST_DATABASE_URL:-postgresql://127.0.0.1:5432/test}" \
    pnpm exec vitest run --project server --reporter=default --reporter=json \
      --outputFile.json="$RESULTS/vitest-postgres.json"
else
  echo "== PostgreSQL not reachable on 127.0.0.1:5432: skipping the PostgreSQL variant"
fi
echo "== e2e (playwright, Debian chromium)"
PLAYWRIGHT_JSON_OUTPUT_NAME="$RESULTS/playwright.json" \
  pnpm exec playwright test -c e2e/playwright.config.ts --reporter=list,json
node scripts/summarize-tests.mjs "$RESULTS"
