#!/usr/bin/env bash
# Everything a fresh machine needs before start or test: pnpm, dependencies, the web build.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-pnpm.sh
node -e 'const [a]=process.versions.node.split(".").map(Number); if (a<24) { console.error("Junction needs Node >= 24, found "+process.versions.node); process.exit(1) }'
if [ -n "${CI:-}" ]; then
  pnpm install --frozen-lockfile
else
  pnpm install --prefer-offline
fi
pnpm exec turbo run build
