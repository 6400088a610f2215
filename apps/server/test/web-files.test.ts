import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from './build-test-app.ts';

type App = Awaited<ReturnType<typeof buildTestApp>>;

const YEAR_IMMUTABLE = 'public, max-age=31536000, immutable';

describe('the built web app as the server serves it', () => {
  let app: App;
  let webDist: string;
  beforeAll(async () => {
    // A build as Vite lays it out: hashed files under assets/, the rest beside index.html.
    webDist = mkdtempSync(join(tmpdir(), 'junction-web-'));
    mkdirSync(join(webDist, 'assets'));
    mkdirSync(join(webDist, 'assets-old'));
    writeFileSync(join(webDist, 'index.html'), '<script src="/assets/app-Ab12Cd.js"></script>');
    writeFileSync(join(webDist, 'assets', 'app-Ab12Cd.js'), 'console.log(1);');
    writeFileSync(join(webDist, 'assets-old', 'app.js'), 'console.log(0);');
    writeFileSync(join(webDist, 'robots.txt'), 'User-agent: *');
    app = await buildTestApp({ webDist });
  });
  afterAll(() => {
    rmSync(webDist, { recursive: true, force: true });
  });

  it('lets browsers keep a hashed asset for a year without asking again', async () => {
    const res = await app.inject({ url: '/assets/app-Ab12Cd.js' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('console.log(1);');
    expect(res.headers['cache-control']).toBe(YEAR_IMMUTABLE);
  });

  it('has index.html, the pages and other files asked for each time', async () => {
    for (const url of ['/', '/processes/p-1', '/robots.txt', '/assets-old/app.js']) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('public, max-age=0');
    }
    expect((await app.inject({ url: '/processes/p-1' })).body).toContain('app-Ab12Cd.js');
  });

  it('does not make a file outside assets/ immutable through an encoded path', async () => {
    for (const url of [
      '/assets/..%2findex.html',
      '/assets/%2e%2e/robots.txt',
      '/assets/../index.html',
    ]) {
      const res = await app.inject({ url });
      expect(res.headers['cache-control'], url).not.toContain('immutable');
    }
  });
});
