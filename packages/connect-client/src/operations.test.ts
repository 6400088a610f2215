import { describe, expect, it } from 'vitest';
import { ConnectApiError, ConnectOperationError } from './errors.ts';
import { CONNECT_OPERATIONS, executeConnectOperation, listConnectPages } from './operations.ts';
import { jsonResponse, scriptedFetch, testClient } from './test-helpers.ts';

function route(call: { method: string; url: string }): string {
  return `${call.method} ${new URL(call.url).pathname.replace('/public/v1', '')}`;
}

describe('CONNECT_OPERATIONS', () => {
  it('covers exactly the catalog pairs of process-model', async () => {
    // Read by relative path: importing @junction/* from this package is forbidden by Biome.
    const catalog = (await import('../../process-model/src/catalog/connect-operations.ts')) as {
      CONNECT_OBJECT_ACTIONS: Record<string, readonly string[]>;
    };
    const pairs = Object.entries(catalog.CONNECT_OBJECT_ACTIONS).flatMap(([object, actions]) =>
      actions.map((action) => `${action}:${object}`),
    );
    expect(Object.keys(CONNECT_OPERATIONS).sort()).toEqual(pairs.sort());
  });
});

describe('executeConnectOperation', () => {
  it('approves a request, passing {template_id} through', async () => {
    const { fetch, calls } = scriptedFetch(() => jsonResponse({ id: 'PR-1', status: 'approved' }));
    const { client } = testClient(fetch);
    const result = await executeConnectOperation(client, {
      action: 'approve',
      object: 'request',
      id: 'PR-1',
      body: { template_id: 'TL-1' },
    });
    expect(route(calls[0]!)).toBe('POST /requests/PR-1/approve');
    expect(calls[0]?.body).toBe('{"template_id":"TL-1"}');
    expect(result).toEqual({ status: 200, records: [{ id: 'PR-1', status: 'approved' }] });
  });

  const reason = { reason: 'x' };
  const caseBody = {
    subject: 'Broken',
    description: 'Details',
    type: 'technical',
    receiver: { account: { id: 'PA-1' } },
  };
  it.each([
    ['reject', 'request', 'POST /requests/PR-1/fail', reason, reason],
    ['pending', 'request', 'POST /requests/PR-1/pend', reason, undefined],
    ['reject', 'tier-account-request', 'POST /tier/account-requests/PR-1/ignore', reason, reason],
    ['delete', 'usage-report', 'POST /usage/files/PR-1/delete', reason, undefined],
    ['update', 'subscription-request', 'PUT /subscriptions/requests/PR-1/attributes', {}, {}],
    ['update', 'case', 'PUT /helpdesk/cases/PR-1', caseBody, caseBody],
    ['resolve', 'case', 'POST /helpdesk/cases/PR-1/resolve', undefined, {}],
    ['get', 'subscription-asset', 'GET /subscriptions/assets/PR-1', reason, undefined],
    ['delete', 'tier-account', 'DELETE /tier/accounts/PR-1', reason, undefined],
    ['regenerate', 'usage-chunk', 'POST /usage/chunks/PR-1/regenerate', reason, undefined],
  ])('maps %s:%s onto %s; body %j is sent as %j', async (action, object, expected, body, sent) => {
    const { fetch, calls } = scriptedFetch(() => jsonResponse({ ok: true }));
    const { client } = testClient(fetch);
    await executeConnectOperation(client, { action, object, id: 'PR-1', body });
    expect(route(calls[0]!)).toBe(expected);
    expect(calls[0]?.body).toBe(sent === undefined ? undefined : JSON.stringify(sent));
  });

  it('returns no records for 204 answers of tier config request actions', async () => {
    const { fetch, calls } = scriptedFetch(() => new Response(null, { status: 204 }));
    const { client } = testClient(fetch);
    const result = await executeConnectOperation(client, {
      action: 'inquire',
      object: 'tier-config-request',
      id: 'TCR-1',
    });
    expect(route(calls[0]!)).toBe('POST /tier/config-requests/TCR-1/inquire');
    expect(calls[0]?.body).toBeUndefined();
    expect(result).toEqual({ status: 204, records: [] });
  });

  it('returns the per-record results of a bulk close (206)', async () => {
    const results = [
      { id: 'UR-1', status: 'closed', error_codes: [], error_details: [] },
      { id: 'UR-2', status: 'invalid', error_codes: ['E'], error_details: ['x'] },
    ];
    const { fetch, calls } = scriptedFetch(() => jsonResponse(results, 206));
    const { client } = testClient(fetch);
    const body = [{ id: 'UR-1', external_billing_id: 'B-1' }];
    const result = await executeConnectOperation(client, {
      action: 'bulk-close',
      object: 'usage-record',
      body,
    });
    expect(route(calls[0]!)).toBe('POST /usage/records/close-records');
    expect(result).toEqual({ status: 206, records: results });
    await expect(
      executeConnectOperation(client, { action: 'bulk-close', object: 'usage-record', body: {} }),
    ).rejects.toMatchObject({ code: 'INVALID_BODY' });
  });

  it('lists every page honouring filter and maxRecords', async () => {
    const { fetch, calls } = scriptedFetch((call) => {
      const offset = Number(new URL(call.url).searchParams.get('offset'));
      const limit = Number(new URL(call.url).searchParams.get('limit'));
      const items = Array.from({ length: limit }, (_, i) => ({ id: offset + i }));
      return jsonResponse(items, 200, {
        'Content-Range': `items ${offset}-${offset + limit - 1}/500`,
      });
    });
    const { client } = testClient(fetch);
    const result = await executeConnectOperation(client, {
      action: 'list',
      object: 'request',
      filter: 'eq(status,pending)',
      maxRecords: 130,
    });
    expect(result.records).toHaveLength(130);
    expect(calls.map((c) => new URL(c.url).search)).toEqual([
      '?eq(status,pending)&limit=100&offset=0',
      '?eq(status,pending)&limit=30&offset=100',
    ]);
  });

  it('lists pages unparsed, the same requests as a parsed list, errors still typed', async () => {
    const { fetch, calls } = scriptedFetch((call) => {
      const offset = Number(new URL(call.url).searchParams.get('offset'));
      if (offset >= 200) {
        return jsonResponse({ error_code: 'X', errors: ['gone'] }, 400);
      }
      const limit = Number(new URL(call.url).searchParams.get('limit'));
      const items = Array.from({ length: limit }, (_, i) => ({ id: offset + i }));
      return jsonResponse(items, 200, {
        'Content-Range': `items ${offset}-${offset + limit - 1}/500`,
      });
    });
    const { client } = testClient(fetch);
    const request = { action: 'list', object: 'request', filter: 'eq(status,pending)' };
    const pages: unknown[] = [];
    for await (const page of listConnectPages(client, { ...request, maxRecords: 130 })) {
      pages.push(JSON.parse(new TextDecoder().decode(page)));
    }
    expect(pages.flat()).toEqual(Array.from({ length: 130 }, (_, id) => ({ id })));
    expect(calls.map((c) => new URL(c.url).search)).toEqual([
      '?eq(status,pending)&limit=100&offset=0',
      '?eq(status,pending)&limit=30&offset=100',
    ]);
    const failing = async () => {
      for await (const _page of listConnectPages(client, request)) {
        // read on to the page that fails
      }
    };
    await expect(failing()).rejects.toBeInstanceOf(ConnectApiError);
    await expect(
      listConnectPages(client, { action: 'get', object: 'request', id: 'PR-1' }).next(),
    ).rejects.toMatchObject({ code: 'UNKNOWN_OPERATION' });
  });

  it('lists by field filters: quoted values, empty() for an empty one, AND-ed with filter', async () => {
    const { fetch, calls } = scriptedFetch(() =>
      jsonResponse([], 200, { 'Content-Range': 'items 0-0/0' }),
    );
    const { client } = testClient(fetch);
    await executeConnectOperation(client, {
      action: 'list',
      object: 'request',
      equals: { id: 'PR-1', 'asset.external_id': 'a b)', note: '' },
      filter: 'eq(status,pending)',
    });
    expect(decodeURIComponent(new URL(calls[0]!.url).search)).toBe(
      '?eq(id,PR-1)&eq(asset.external_id,"a b)")&eq(note,empty())&eq(status,pending)&limit=100&offset=0',
    );
    await expect(
      executeConnectOperation(client, {
        action: 'list',
        object: 'request',
        equals: { 'id),or(eq(status,pending)': 'x' },
      }),
    ).rejects.toMatchObject({ code: 'INVALID_FILTER' });
    expect(calls).toHaveLength(1);
  });

  it('gets one object; tier account versions need the parent account', async () => {
    const { fetch, calls } = scriptedFetch(() => jsonResponse({ id: 'TA-1', version: 3 }));
    const { client } = testClient(fetch);
    const result = await executeConnectOperation(client, {
      action: 'get',
      object: 'tier-account-version',
      parentId: 'TA-1',
      id: '3',
    });
    expect(route(calls[0]!)).toBe('GET /tier/accounts/TA-1/versions/3');
    expect(result.records).toEqual([{ id: 'TA-1', version: 3 }]);
    await expect(
      executeConnectOperation(client, { action: 'list', object: 'tier-account-version' }),
    ).rejects.toMatchObject({ code: 'MISSING_PARENT_ID' });
    await expect(
      executeConnectOperation(client, { action: 'get', object: 'asset' }),
    ).rejects.toMatchObject({
      code: 'MISSING_ID',
    });
  });

  it('uploads a usage file as multipart from base64 content', async () => {
    const { fetch, calls } = scriptedFetch(() =>
      jsonResponse({ id: 'UF-1', status: 'uploading' }, 201),
    );
    const { client } = testClient(fetch);
    const result = await executeConnectOperation(client, {
      action: 'upload',
      object: 'usage-report',
      id: 'UF-1',
      body: { filename: 'usage.xlsx', content: Buffer.from('PK-bytes').toString('base64') },
    });
    expect(route(calls[0]!)).toBe('POST /usage/files/UF-1/upload');
    const form = calls[0]?.body;
    expect(form).toBeInstanceOf(FormData);
    const file = (form as FormData).get('usage_file') as File;
    expect(file.name).toBe('usage.xlsx');
    expect(await file.text()).toBe('PK-bytes');
    // fetch must write the multipart boundary itself.
    expect(calls[0]?.headers.get('content-type')).toBeNull();
    expect(result).toEqual({ status: 201, records: [{ id: 'UF-1', status: 'uploading' }] });
  });

  it('creates a reconciliation with recon_file and extra fields from bytes', async () => {
    const { fetch, calls } = scriptedFetch(() => jsonResponse({ id: 'URC-1' }, 201));
    const { client } = testClient(fetch);
    await executeConnectOperation(client, {
      action: 'create',
      object: 'usage-reconciliation',
      body: { content: new Uint8Array([1, 2, 3]), fields: { upload_note: 'march' } },
    });
    const form = calls[0]?.body as FormData;
    expect(route(calls[0]!)).toBe('POST /usage/reconciliations');
    expect(form.get('upload_note')).toBe('march');
    expect(new Uint8Array(await (form.get('recon_file') as File).arrayBuffer())).toEqual(
      new Uint8Array([1, 2, 3]),
    );
    await expect(
      executeConnectOperation(client, {
        action: 'upload',
        object: 'usage-report',
        id: 'UF-1',
        body: { content: '%%' },
      }),
    ).rejects.toMatchObject({ code: 'INVALID_BODY' });
  });

  it('refuses an upload body whose filename, type or fields are not text, before any request', async () => {
    const { fetch, calls } = scriptedFetch(() => jsonResponse({ id: 'UF-1' }, 201));
    const { client } = testClient(fetch);
    const content = Buffer.from('PK').toString('base64');
    for (const body of [
      { content, filename: 7 },
      { content, contentType: { type: 'xlsx' } },
      { content, fields: { note: { nested: true } } },
      { content, fields: ['a'] },
      { content: new Uint8Array(new SharedArrayBuffer(2)) },
      [content],
    ]) {
      await expect(
        executeConnectOperation(client, {
          action: 'upload',
          object: 'usage-report',
          id: 'UF-1',
          body,
        }),
      ).rejects.toMatchObject({ code: 'INVALID_BODY', message: /fields as text values/ });
    }
    expect(calls).toHaveLength(0);
  });

  it('rejects unknown pairs with a typed error before any request', async () => {
    const { fetch, calls } = scriptedFetch(() => jsonResponse({}));
    const { client } = testClient(fetch);
    const error = await executeConnectOperation(client, {
      action: 'approve',
      object: 'asset',
      id: 'AS-1',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectOperationError);
    expect((error as ConnectOperationError).code).toBe('UNKNOWN_OPERATION');
    expect(calls).toHaveLength(0);
  });
});
