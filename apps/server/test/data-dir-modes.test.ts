import { type ChildProcess, spawn } from 'node:child_process';
import { lstatSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const SERVER_DIR = fileURLToPath(new URL('..', import.meta.url));

/** A free loopback port of our own, so the server does not collide with others. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return typeof address === 'object' && address ? address.port : 0;
}

/** Starts the real entry point, as `pnpm start` does, and waits until it listens. */
async function startServer(dataDir: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['src/main.ts'], {
    cwd: SERVER_DIR,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', JUNCTION_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    let errors = '';
    child.stderr?.on('data', (chunk) => {
      errors += String(chunk);
    });
    child.stdout?.on('data', (chunk) => {
      if (String(chunk).includes('Junction is running')) {
        resolve();
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited (${code}): ${errors}`)));
  });
  return child;
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) {
    return;
  }
  const exited = new Promise((resolve) => child.on('exit', resolve));
  process.kill(child.pid, 'SIGTERM');
  await exited;
}

/** Every path below `dir` with its permission bits. */
function modesBelow(dir: string): { path: string; mode: number; isDir: boolean }[] {
  const found = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const stat = lstatSync(path);
    found.push({ path, mode: stat.mode & 0o777, isDir: stat.isDirectory() });
    if (stat.isDirectory()) {
      found.push(...modesBelow(path));
    }
  }
  return found;
}

describe('the data directory', () => {
  let child: ChildProcess | undefined;
  let root: string | undefined;
  afterEach(async () => {
    if (child) {
      await stop(child);
    }
    if (root) {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('is private to the server’s user: dirs 0700, files no group/other access', async () => {
    root = mkdtempSync(join(tmpdir(), 'junction-modes-'));
    const dataDir = join(root, 'data');
    const port = await freePort();
    child = await startServer(dataDir, port);
    const created = await fetch(`http://127.0.0.1:${port}/api/connections`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'Written',
        endpoint: 'https://api.connect.cloudblue.com/public/v1/',
        token: 'ApiKey SU-1:secret',
      }),
    });
    expect(created.status).toBe(201);
    await stop(child);

    expect(lstatSync(dataDir).mode & 0o777).toBe(0o700);
    const entries = modesBelow(dataDir);
    expect(entries.some((e) => e.path.endsWith('secret.key'))).toBe(true);
    expect(entries.length).toBeGreaterThan(100);
    const loose = entries.filter((e) => (e.isDir ? e.mode !== 0o700 : (e.mode & 0o077) !== 0));
    expect(loose.map((e) => `${e.path} ${e.mode.toString(8)}`)).toEqual([]);
  }, 60_000);
});
