import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { type IncomingMessage, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, killChild, SERVER_MAIN, spawnUntil } from './spawn-helpers.ts';

const TOKEN = 'public-url-test-access-token';

/** The server as `npm start` runs it, listening on every address. */
async function startExposed(extra: NodeJS.ProcessEnv) {
  const dataDir = mkdtempSync(join(tmpdir(), 'junction-public-url-'));
  const port = await freePort();
  const child = await spawnUntil(
    [SERVER_MAIN],
    {
      ...process.env,
      HOST: '0.0.0.0',
      PORT: String(port),
      JUNCTION_ACCESS_TOKEN: TOKEN,
      JUNCTION_DATA_DIR: dataDir,
      JUNCTION_WEB_DIST: join(dataDir, 'no-web'),
      ...extra,
    },
    'Junction is running at',
  );
  return { child, dataDir, port };
}

/** The sandbox connection's endpoint, asked for under the Host name `host` (fetch would not send it). */
async function sandboxEndpoint(port: number, host: string): Promise<string | number | undefined> {
  const req = request({
    host: '127.0.0.1',
    port,
    path: '/api/connections',
    headers: { authorization: `Bearer ${TOKEN}`, host },
  }).end();
  const [res] = (await once(req, 'response')) as [IncomingMessage];
  let body = '';
  for await (const chunk of res) {
    body += chunk;
  }
  if (res.statusCode !== 200) {
    return res.statusCode;
  }
  const { items } = JSON.parse(body) as { items: { id: string; endpoint: string }[] };
  return items.find((c) => c.id === 'sandbox')?.endpoint;
}

describe('the server on 0.0.0.0', () => {
  const started: { child: ChildProcess; dataDir: string }[] = [];
  afterAll(() => {
    for (const { child, dataDir } of started) {
      killChild(child);
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('stores JUNCTION_PUBLIC_URL as the sandbox endpoint and answers to its host only', async () => {
    const server = await startExposed({ JUNCTION_PUBLIC_URL: 'https://junction.example.com' });
    started.push(server);
    expect(await sandboxEndpoint(server.port, 'junction.example.com')).toBe(
      'https://junction.example.com/sandbox/connect/public/v1',
    );
    expect(await sandboxEndpoint(server.port, 'rebound.example.net')).toBe(403);
  }, 60_000);

  it('without it, stores a loopback endpoint rather than 0.0.0.0', async () => {
    const server = await startExposed({ JUNCTION_ALLOWED_HOSTS: 'junction.example.com' });
    started.push(server);
    expect(await sandboxEndpoint(server.port, `127.0.0.1:${server.port}`)).toBe(
      `http://127.0.0.1:${server.port}/sandbox/connect/public/v1`,
    );
  }, 60_000);
});
