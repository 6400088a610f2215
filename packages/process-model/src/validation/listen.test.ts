import { describe, expect, it } from 'vitest';
import { createProcess } from '../create-process.ts';
import {
  defaultConnectWebhookListener,
  defaultHttpListener,
  type HttpListener,
  type Listener,
} from '../schema/listener.ts';
import type { ProcessDocument } from '../schema/process.ts';
import { listenerPathProblem } from './listener-path.ts';
import { validateProcess } from './validate.ts';

function listening(
  change: Partial<HttpListener>,
  base: Listener = defaultHttpListener(),
): ProcessDocument {
  const doc = createProcess({ id: 'p', name: 'Listener' });
  return {
    ...doc,
    shapes: {
      ...doc.shapes,
      start: {
        kind: 'start',
        label: '',
        config: {
          mode: 'listen',
          listener: { ...base, path: 'orders', ...change } as Listener,
        },
      },
    },
  };
}

const issues = (change: Partial<HttpListener>) =>
  validateProcess(listening(change))
    .filter((i) => i.code.startsWith('listen.') || i.code.startsWith('schema'))
    .map((i) => [i.code, i.pointer]);

const LISTENER = '/shapes/start/config/listener';

describe('Listen Start', () => {
  it('accepts a plain listener', () => {
    expect(issues({})).toEqual([]);
    expect(issues({ path: 'orders.created-v2_x~1' })).toEqual([]);
  });

  it('refuses paths that could name something else, saying which segment', () => {
    for (const path of [
      '../admin',
      'a/../b',
      'a/./b',
      'a%2Fb',
      'a%2e%2e',
      '/orders',
      'a//b',
      'a b',
      'a?b',
      'a\\b',
    ]) {
      expect(issues({ path }), path).toEqual([['listen.path-invalid', `${LISTENER}/path`]]);
    }
    expect(listenerPathProblem('a/b')).toContain('“/”');
    expect(listenerPathProblem('a%2Fb')).toContain('“%”');
    expect(issues({ path: '' })).toEqual([['listen.path-missing', `${LISTENER}/path`]]);
  });

  it('wants a secret header of the caller’s own', () => {
    expect(issues({ auth: { kind: 'shared-secret', header: 'x-hook-secret' } })).toEqual([]);
    expect(issues({ auth: { kind: 'shared-secret', header: 'Authorization' } })).toEqual([
      ['listen.secret-header-reserved', `${LISTENER}/auth/header`],
    ]);
    expect(issues({ auth: { kind: 'shared-secret', header: 'x bad' } })).toEqual([
      ['listen.secret-header-invalid', `${LISTENER}/auth/header`],
    ]);
    // Browsers send these with values of their own: any page could pass such a check.
    for (const header of ['Accept-Encoding', 'user-agent', 'Sec-Fetch-Mode', 'origin', 'referer']) {
      expect(issues({ auth: { kind: 'shared-secret', header } }), header).toEqual([
        ['listen.secret-header-reserved', `${LISTENER}/auth/header`],
      ]);
    }
  });

  it('points at body schema parts that could be slow or fetch', () => {
    const bodySchema = {
      type: 'object',
      properties: {
        pattern: { type: 'string', pattern: '^(a+)+\\1$' },
        ok: { type: 'string', pattern: '^[a-z]+$' },
        list: { type: 'array', uniqueItems: true },
        remote: { $ref: 'https://example.com/schema.json' },
        local: { $ref: '#/$defs/x' },
      },
      patternProperties: { '(?=x)': {} },
      enum: [{ pattern: '(?=data, not a schema)' }],
      $defs: { x: { type: 'string' } },
    };
    expect(issues({ bodySchema })).toEqual(
      expect.arrayContaining([
        ['listen.schema-pattern', `${LISTENER}/bodySchema/properties/pattern/pattern`],
        ['listen.schema-unique-items', `${LISTENER}/bodySchema/properties/list/uniqueItems`],
        ['listen.schema-remote-ref', `${LISTENER}/bodySchema/properties/remote/$ref`],
        ['listen.schema-pattern', `${LISTENER}/bodySchema/patternProperties/(?=x)`],
      ]),
    );
    expect(issues({ bodySchema })).toHaveLength(4);
  });

  it('refuses a body schema nested without end, without recursing', () => {
    let bodySchema: Record<string, unknown> = { type: 'string' };
    for (let i = 0; i < 100_000; i++) {
      bodySchema = { items: bodySchema };
    }
    expect(issues({ bodySchema }).map(([code]) => code)).toEqual(['listen.schema-too-deep']);
  });

  it('refuses limits out of bounds at the field', () => {
    const doc = listening({ limits: { maxBodyBytes: 0, ratePerMinute: 10, concurrency: 1 } });
    expect(validateProcess(doc).some((i) => i.pointer.startsWith(`${LISTENER}`))).toBe(true);
  });
});

describe('Connect webhook listener', () => {
  const webhook = (change: Record<string, unknown>) =>
    validateProcess(listening(change as Partial<HttpListener>, defaultConnectWebhookListener()))
      .filter((i) => i.severity === 'error' || i.code.startsWith('listen.'))
      .map((i) => [i.code, i.pointer]);

  it('accepts each Connect object class, answering at once by default', () => {
    for (const objectClass of ['fulfillment_request', 'tier_config_request', 'usage_file']) {
      expect(webhook({ objectClass }), objectClass).toEqual([]);
    }
  });

  it('says where an unknown object class, a bad path or a stray field is', () => {
    expect(webhook({ objectClass: 'purchase' }).map(([, at]) => at)).toContain(
      `${LISTENER}/objectClass`,
    );
    expect(webhook({ objectClass: 'purchase' }).every(([, at]) => at?.startsWith(LISTENER))).toBe(
      true,
    );
    expect(webhook({ path: '../x' })).toEqual([['listen.path-invalid', `${LISTENER}/path`]]);
    // The JWT secret lives on the server, never in the process file.
    expect(webhook({ jwtSecret: 'shh' })).toContainEqual(['schema.additionalProperties', LISTENER]);
  });

  it('warns that Connect does not wait for a synchronous answer', () => {
    expect(webhook({ answer: { mode: 'sync', timeoutSeconds: 10 } })).toEqual([
      ['listen.webhook-sync', `${LISTENER}/answer/mode`],
    ]);
  });
});
