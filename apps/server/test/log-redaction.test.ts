import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { buildTestApp } from './build-test-app.ts';

const ACCESS_TOKEN = 'install-access-token-0123456789';

/** Every line the server's logger writes. */
function logSink() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { stream, text: () => lines.join('') };
}

describe('request logging', () => {
  it('never writes the access token of an ?access_token= link', async () => {
    const sink = logSink();
    const app = await buildTestApp({
      accessToken: ACCESS_TOKEN,
      logger: { level: 'trace', stream: sink.stream },
    });
    const urls = [
      `/?access_token=${ACCESS_TOKEN}`,
      `/api/health?access_token=${ACCESS_TOKEN}`,
      `/api/processes?token=${ACCESS_TOKEN}`,
      `/nowhere?access_token=${ACCESS_TOKEN}`,
    ];
    for (const url of urls) {
      await app.inject({ url });
    }
    await app.close();
    const text = sink.text();
    expect(text).toContain('/api/health?access_token=[redacted]');
    expect(text).not.toContain(ACCESS_TOKEN);
  });
});
