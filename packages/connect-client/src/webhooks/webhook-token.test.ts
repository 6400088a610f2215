import { createHmac } from 'node:crypto';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { ConnectWebhookError } from './webhook-errors.ts';
import { signConnectWebhook, verifyConnectWebhook } from './webhook-token.ts';

const SECRET = 'webhook-secret';
const BODY = JSON.stringify({ event: { id: 'EV-1' }, object: { id: 'PR-1' } });
const NOW = Date.UTC(2026, 0, 1, 12);

async function signed(overrides: Partial<Parameters<typeof signConnectWebhook>[0]> = {}) {
  return signConnectWebhook({
    secret: SECRET,
    body: BODY,
    webhookId: 'WH-1',
    eventId: 'EV-1',
    now: NOW,
    ...overrides,
  });
}

function bearer(token: string) {
  return { authorization: `Bearer ${token}` };
}

async function refusal(promise: Promise<unknown>): Promise<ConnectWebhookError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConnectWebhookError);
  return error as ConnectWebhookError;
}

function base64url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

describe('verifyConnectWebhook', () => {
  it('accepts a call signed with the secret and names the webhook and event', async () => {
    const verified = await verifyConnectWebhook(bearer(await signed()), BODY, SECRET, {
      now: NOW,
    });
    expect(verified.bodyVerified).toBe(true);
    expect(verified.claims).toMatchObject({ webhook_id: 'WH-1', jti: 'EV-1' });
  });

  it('reads fetch Headers, byte bodies and the Authentication header older Connect pages name', async () => {
    const token = await signed();
    const headers = new Headers({ Authentication: `bearer ${token}` });
    const verified = await verifyConnectWebhook(headers, Buffer.from(BODY), SECRET, { now: NOW });
    expect(verified.bodyVerified).toBe(true);
  });

  it('refuses a call without a token', async () => {
    const error = await refusal(verifyConnectWebhook({}, BODY, SECRET, { now: NOW }));
    expect(error.code).toBe('missing-token');
  });

  it('refuses a header that is not a bearer token', async () => {
    const error = await refusal(
      verifyConnectWebhook({ authorization: `Basic ${await signed()}` }, BODY, SECRET),
    );
    expect(error.code).toBe('malformed-token');
  });

  it('refuses a token signed with another secret', async () => {
    const token = await signed({ secret: 'someone-else' });
    const error = await refusal(verifyConnectWebhook(bearer(token), BODY, SECRET, { now: NOW }));
    expect(error.code).toBe('bad-signature');
    expect(error.message).not.toContain(SECRET);
  });

  it('refuses an unsigned token (alg none)', async () => {
    const payload = { exp: NOW / 1000 + 60, webhook_id: 'WH-1' };
    const token = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(payload)}.`;
    const error = await refusal(verifyConnectWebhook(bearer(token), BODY, SECRET, { now: NOW }));
    expect(error.code).toBe('wrong-algorithm');
  });

  it('refuses HS512 even with the right secret', async () => {
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS512' })
      .setExpirationTime(NOW / 1000 + 60)
      .sign(new TextEncoder().encode(SECRET));
    const error = await refusal(verifyConnectWebhook(bearer(token), BODY, SECRET, { now: NOW }));
    expect(error.code).toBe('wrong-algorithm');
  });

  it('refuses an expired token, beyond the clock tolerance only', async () => {
    const token = await signed({ ttlSeconds: 300 });
    const justAfter = NOW + 330_000;
    await expect(
      verifyConnectWebhook(bearer(token), BODY, SECRET, { now: justAfter }),
    ).resolves.toMatchObject({ bodyVerified: true });
    const error = await refusal(
      verifyConnectWebhook(bearer(token), BODY, SECRET, { now: NOW + 361_000 }),
    );
    expect(error.code).toBe('expired');
  });

  it('refuses a token that never expires', async () => {
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode(SECRET));
    const error = await refusal(verifyConnectWebhook(bearer(token), BODY, SECRET, { now: NOW }));
    expect(error.code).toBe('invalid-claims');
  });

  it('refuses a tampered body', async () => {
    const token = await signed();
    const tampered = BODY.replace('PR-1', 'PR-2');
    const error = await refusal(
      verifyConnectWebhook(bearer(token), tampered, SECRET, { now: NOW }),
    );
    expect(error.code).toBe('body-mismatch');
  });

  it('refuses a token whose payload was edited after signing', async () => {
    const [header, , signature] = (await signed()).split('.');
    const forged = `${header}.${base64url({ exp: NOW / 1000 + 9999, webhook_id: 'WH-2' })}.${signature}`;
    const error = await refusal(verifyConnectWebhook(bearer(forged), BODY, SECRET, { now: NOW }));
    expect(error.code).toBe('bad-signature');
  });

  it('accepts a digest-less token (as real Connect may send) unless a digest is required', async () => {
    const header = base64url({ alg: 'HS256', typ: 'JWT' });
    const payload = base64url({ exp: NOW / 1000 + 60 });
    const mac = createHmac('sha256', SECRET).update(`${header}.${payload}`).digest('base64url');
    const token = `${header}.${payload}.${mac}`;
    await expect(
      verifyConnectWebhook(bearer(token), BODY, SECRET, { now: NOW }),
    ).resolves.toMatchObject({ bodyVerified: false });
    const error = await refusal(
      verifyConnectWebhook(bearer(token), BODY, SECRET, { now: NOW, requireBodyDigest: true }),
    );
    expect(error.code).toBe('invalid-claims');
  });

  it('refuses garbage in place of a token', async () => {
    const error = await refusal(verifyConnectWebhook(bearer('not.a.jwt'), BODY, SECRET));
    expect(error.code).toBe('malformed-token');
  });
});
