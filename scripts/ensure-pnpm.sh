#!/usr/bin/env bash
# Makes the pinned pnpm available on PATH without global installs: corepack writes
# a shim into .tools/bin inside the repo. Source this file; it exports PATH.
PNPM_VERSION=12.21.0
JUNCTION_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$JUNCTION_ROOT/scripts/ensure-node.sh" || exit 1
export COREPACK_INTEGRITY_KEYS=0            # corepack's pinned keys don't match the registry's
export COREPACK_ENABLE_DOWNLOAD_PROMPT=0
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1   # we use Debian's chromium, never a downloaded one
export TURBO_TELEMETRY_DISABLED=1
export npm_config_nodedir="${npm_config_nodedir:-/usr}"
export PATH="$JUNCTION_ROOT/.tools/bin:$PATH"
if [ "$(pnpm --version 2>/dev/null || true)" != "$PNPM_VERSION" ]; then
  mkdir -p "$JUNCTION_ROOT/.tools/bin"
  corepack enable --install-directory "$JUNCTION_ROOT/.tools/bin" pnpm
  corepack prepare "pnpm@$PNPM_VERSION" --activate >/dev/null
fi
