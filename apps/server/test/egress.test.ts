import { listRequestsProcess } from '@junction/runtime/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, storageUnderTest } from './build-test-app.ts';
import { waitForRun } from './run-helpers.ts';

type App = Awaited<ReturnType<typeof buildTestApp>>;

describe(`connections cannot reach private networks by default (${storageUnderTest()})`, () => {
  let app: App;
  let connectionId: string;
  beforeAll(async () => {
    app = await buildTestApp({ egressAllow: [] });
    const created = await app.inject({
      method: 'POST',
      url: '/api/connections',
      payload: {
        name: 'Metadata',
        endpoint: 'http://169.254.169.254/public/v1',
        token: 'ApiKey SU-1:secret',
      },
    });
    connectionId = created.json().id;
  });

  it('says so when the connection is tested', async () => {
    const tested = await app.inject({
      method: 'POST',
      url: `/api/connections/${connectionId}/test`,
    });
    expect(tested.json()).toEqual({
      ok: false,
      message:
        'Junction does not call local or private network addresses: 169.254.169.254. An administrator can allow it with JUNCTION_EGRESS_ALLOW.',
    });
  });

  it('fails the connector’s documents with the same reason in a run, while the sandbox still works', async () => {
    const started = await app.inject({
      method: 'POST',
      url: '/api/runs',
      payload: { process: listRequestsProcess(), connectionId },
    });
    const run = await waitForRun(app, started.json().id);
    expect(run.status).toBe('error');
    expect(run.shapes.list).toMatchObject({
      documentsInError: 1,
      message: expect.stringContaining('local or private network addresses: 169.254.169.254'),
    });
    const sandbox = await app.inject({
      method: 'POST',
      url: '/api/runs',
      payload: { process: listRequestsProcess() },
    });
    expect((await waitForRun(app, sandbox.json().id)).status).toBe('complete');
  });
});
