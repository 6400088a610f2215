import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isConnectError } from '@junction/connect-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGuardedFetch, egressRefusal } from './egress-guard.ts';

describe('egress guard', () => {
  let server: Server;
  let port: number;
  let requests = 0;
  beforeAll(async () => {
    server = createServer((req, res) => {
      requests += 1;
      if (req.url === '/echo') {
        const chunks: Buffer[] = [];
        req.on('data', (chunk: Buffer) => chunks.push(chunk));
        req.on('end', () =>
          res.writeHead(200, { 'content-type': 'application/json' }).end(
            JSON.stringify({
              type: req.headers['content-type'] ?? '',
              body: Buffer.concat(chunks).toString('latin1'),
            }),
          ),
        );
        return;
      }
      if (req.url === '/redirect') {
        res.writeHead(302, { location: `http://127.0.0.1:${port}/` }).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const refusedWith = async (promise: Promise<unknown>) => {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isConnectError(error)).toBe(true);
    return (error as Error).message;
  };

  it('refuses loopback by address and by name, without sending anything', async () => {
    const guarded = createGuardedFetch({ allow: [] });
    const before = requests;
    expect(await refusedWith(guarded(`http://127.0.0.1:${port}/`))).toBe(
      'Junction does not call local or private network addresses: 127.0.0.1. An administrator can allow it with JUNCTION_EGRESS_ALLOW.',
    );
    expect(await refusedWith(guarded(`http://localhost:${port}/`))).toMatch(
      /local or private network addresses: localhost \((127\.0\.0\.1|::1)\)/,
    );
    expect(await refusedWith(guarded('http://169.254.169.254/latest/meta-data/'))).toContain(
      '169.254.169.254',
    );
    // The hex IPv4-mapped form a URL parser makes of [::ffff:127.0.0.1] is loopback too.
    expect(await refusedWith(guarded(`http://[::ffff:127.0.0.1]:${port}/`))).toContain(
      'local or private network addresses',
    );
    expect(requests).toBe(before);
  });

  it('calls what the policy allows, by address, range or host name', async () => {
    for (const allow of [['127.0.0.1'], ['127.0.0.0/8'], ['LOCALHOST']]) {
      const host = allow[0] === 'LOCALHOST' ? 'localhost' : '127.0.0.1';
      const response = await createGuardedFetch({ allow })(`http://${host}:${port}/`);
      expect(await response.json()).toEqual({ ok: true });
    }
  });

  it('sends a form as multipart with its file, as a usage file upload needs', async () => {
    const form = new FormData();
    form.append('usage_file', new Blob([new Uint8Array([80, 75, 3, 4])]), 'usage.xlsx');
    form.append('name', 'October');
    const guarded = createGuardedFetch({ allow: ['127.0.0.1'] });
    const response = await guarded(`http://127.0.0.1:${port}/echo`, { method: 'POST', body: form });
    const echoed = (await response.json()) as { type: string; body: string };
    expect(echoed.type).toMatch(/^multipart\/form-data; boundary=/);
    expect(echoed.body).toContain('name="usage_file"; filename="usage.xlsx"');
    expect(echoed.body).toContain('PK\u0003\u0004');
    expect(echoed.body).toContain('October');
  });

  it('checks every redirect too: an allowed name cannot send the call to a refused address', async () => {
    const guarded = createGuardedFetch({ allow: ['localhost'] });
    expect(await refusedWith(guarded(`http://localhost:${port}/redirect`))).toContain(
      'addresses: 127.0.0.1.',
    );
  });

  it('lets public addresses through and judges IPv4 written as IPv6 as IPv4', () => {
    const none = { allow: [] };
    expect(egressRefusal(none, 'api.example', '203.0.113.10')).toBeUndefined();
    expect(egressRefusal(none, 'api.example', '2001:db8::1')).toBeUndefined();
    for (const address of ['10.1.2.3', '172.20.0.1', '192.168.1.1', '100.64.0.1', '0.0.0.0']) {
      expect(egressRefusal(none, 'x', address), address).toBeDefined();
    }
    for (const address of ['::1', '::', 'fd00::1', 'fe80::1', '::ffff:10.0.0.1']) {
      expect(egressRefusal(none, 'x', address), address).toBeDefined();
    }
    expect(egressRefusal({ allow: ['10.0.0.0/8'] }, 'x', '::ffff:10.0.0.1')).toBeUndefined();
    // An empty prefix must not read as /0 (every address).
    expect(() => createGuardedFetch({ allow: ['10.0.0.0/'] })).toThrow(/not an address range/);
    expect(() => createGuardedFetch({ allow: ['10.0.0.0/40'] })).toThrow(
      'JUNCTION_EGRESS_ALLOW: "10.0.0.0/40" is not an address range.',
    );
  });
});
