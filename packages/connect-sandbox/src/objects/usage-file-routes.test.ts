import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_UPLOAD_BYTES, SANDBOX_DEMO_TOKEN } from '../plugin.ts';
import { buildTestApp, call, TEST_PREFIX } from '../test-app.ts';
import { PROCESSING_DELAY_MS } from './usage-processing.ts';

function multipart(
  field: string,
  content: string,
): { payload: string; headers: Record<string, string> } {
  const boundary = '----sandbox-test-boundary';
  const payload = [
    `--${boundary}`,
    `Content-Disposition: form-data; name="${field}"; filename="usage.xlsx"`,
    'Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    '',
    content,
    `--${boundary}--`,
    '',
  ].join('\r\n');
  return {
    payload,
    headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      authorization: SANDBOX_DEMO_TOKEN,
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, PROCESSING_DELAY_MS * 3));

describe('/usage/files lifecycle', () => {
  let app: Awaited<ReturnType<typeof buildTestApp>>;
  let productId: string;
  beforeAll(async () => {
    app = await buildTestApp({ seed: 31 });
    productId = (await call(app, 'GET', '/products?limit=1')).json()[0].id;
  });
  afterAll(() => app.close());

  async function createFile(): Promise<string> {
    const res = await call(app, 'POST', '/usage/files', {
      name: 'March usage',
      period: { from: '2025-03-01', to: '2025-03-31' },
      currency: 'USD',
      product: { id: productId },
      contract: { id: 'CRD-58096-38285-80856' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().status).toBe('draft');
    expect(res.json().id).toMatch(/^UF-\d{4}-\d{2}-\d{4}-\d{4}$/);
    return res.json().id;
  }

  async function upload(id: string, content: string) {
    const { payload, headers } = multipart('usage_file', content);
    return app.inject({
      method: 'POST',
      url: `${TEST_PREFIX}/usage/files/${id}/upload`,
      payload,
      headers,
    });
  }

  it('goes draft → processing → ready → pending → accepted → closed, moving its records along', async () => {
    const id = await createFile();
    const uploaded = await upload(id, 'fake xlsx bytes');
    expect(uploaded.statusCode).toBe(200);
    expect(uploaded.json().status).toBe('processing');
    await settle();
    expect((await call(app, 'GET', `/usage/files/${id}`)).json().status).toBe('ready');
    const records = await call(app, 'GET', `/usage/records?usagefile.id=${id}`);
    expect(records.json().length).toBeGreaterThan(0);
    expect((await call(app, 'POST', `/usage/files/${id}/submit`)).json().status).toBe('pending');
    const accepted = await call(app, 'POST', `/usage/files/${id}/accept`, {
      acceptance_note: 'ok',
    });
    expect(accepted.json()).toMatchObject({ status: 'accepted', acceptance_note: 'ok' });
    expect(
      (await call(app, 'GET', `/usage/records?usagefile.id=${id}&status=approved&limit=0`)).headers[
        'content-range'
      ],
    ).toBe(`items 0-0/${records.json().length}`);
    expect((await call(app, 'POST', `/usage/files/${id}/close`)).json().status).toBe('closed');
    const wrong = await call(app, 'POST', `/usage/files/${id}/submit`);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error_code).toBe('VAL_001');
  });

  it('refuses a file larger than it takes with a 4xx, and keeps the draft', async () => {
    const id = await createFile();
    const refused = await upload(id, 'x'.repeat(MAX_UPLOAD_BYTES + 1));
    expect(refused.statusCode, refused.body).toBeGreaterThanOrEqual(400);
    expect(refused.statusCode).toBeLessThan(500);
    expect((await call(app, 'GET', `/usage/files/${id}`)).json().status).toBe('draft');
  });

  it('marks an empty upload invalid, rejects uploads without the usage_file field, deletes via POST', async () => {
    const id = await createFile();
    const { payload, headers } = multipart('other', 'x');
    const missing = await app.inject({
      method: 'POST',
      url: `${TEST_PREFIX}/usage/files/${id}/upload`,
      payload,
      headers,
    });
    expect(missing.statusCode).toBe(400);
    await upload(id, '');
    await settle();
    expect((await call(app, 'GET', `/usage/files/${id}`)).json().status).toBe('invalid');
    expect((await call(app, 'POST', `/usage/files/${id}/delete`)).json().status).toBe('deleted');
  });

  it('bulk-closes records with 206 and per-record results', async () => {
    const approved = (await call(app, 'GET', '/usage/records?status=approved&limit=2')).json();
    expect(approved.length).toBe(2);
    const res = await call(app, 'POST', '/usage/records/close-records', [
      { id: approved[0].id, external_billing_id: 'B-1', external_billing_note: 'n' },
      { id: approved[1].id, external_billing_id: 'B-2' },
      { id: 'UR-0000-00-0000-0000-0000-0000', external_billing_id: 'B-3' },
    ]);
    expect(res.statusCode).toBe(206);
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.json()).toEqual([
      { id: approved[0].id, status: 'closed', error_codes: '', error_details: '' },
      { id: approved[1].id, status: 'closed', error_codes: '', error_details: '' },
      {
        id: 'UR-0000-00-0000-0000-0000-0000',
        status: 'invalid',
        error_codes: 'NFND_000',
        error_details: 'Object `UR-0000-00-0000-0000-0000-0000` not found.',
      },
    ]);
    expect((await call(app, 'GET', `/usage/records/${approved[0].id}`)).json()).toMatchObject({
      status: 'closed',
      external_billing_id: 'B-1',
    });
  });

  it('closes a ready chunk only with external_billing_id', async () => {
    const chunk = (await call(app, 'GET', '/usage/chunks?status=ready&limit=1')).json()[0];
    expect((await call(app, 'POST', `/usage/chunks/${chunk.id}/close`, {})).json().error_code).toBe(
      'REQ_005',
    );
    expect(
      (
        await call(app, 'POST', `/usage/chunks/${chunk.id}/close`, { external_billing_id: 'X' })
      ).json().status,
    ).toBe('closed');
    expect(
      (await call(app, 'POST', `/usage/chunks/${chunk.id}/close`, { external_billing_id: 'X' }))
        .statusCode,
    ).toBe(400);
  });
});
