import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Playwright's web server: the real server on a throwaway data directory, which is
 * removed once the server has stopped. Playwright sends the process group SIGTERM
 * (`gracefulShutdown`); the server stops cleanly on it, and this waits for that
 * before removing the directory. E2E_DATA_DIR names a directory to keep instead.
 */
const kept = process.env['E2E_DATA_DIR'];
const dataDir = kept ?? mkdtempSync(join(tmpdir(), 'junction-e2e-'));

const server = spawn(process.execPath, ['src/main.ts'], {
  cwd: new URL('../apps/server/', import.meta.url),
  env: { ...process.env, JUNCTION_DATA_DIR: dataDir },
  stdio: 'inherit',
});

// Playwright signals the whole group; a signal sent to this process alone is passed
// on. The server stops once on the first and ignores a second.
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => server.kill(signal));
}

server.on('exit', (code, signal) => {
  if (kept === undefined) {
    rmSync(dataDir, { recursive: true, force: true });
  }
  process.exit(code ?? (signal ? 1 : 0));
});
