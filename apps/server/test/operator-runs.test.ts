import { renameProcess } from '@junction/process-model';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, storageUnderTest } from './build-test-app.ts';
import { bearer, call, P } from './platform-fixtures.ts';
import { createStoredProcess, passThroughProcess, waitForRun } from './run-helpers.ts';

type App = Awaited<ReturnType<typeof buildTestApp>>;

async function tokenFor(app: App, role: string): Promise<string> {
  const res = await call(app, 'POST', `${P}/Token`, { payload: { name: role, role } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().token as string;
}

describe(`an operator test-runs saved revisions only (${storageUnderTest()})`, () => {
  let app: App;
  let operator: string;
  let builder: string;
  let saved: { id: string; document: ReturnType<typeof passThroughProcess> };
  beforeAll(async () => {
    app = await buildTestApp();
    operator = await tokenFor(app, 'operator');
    builder = await tokenFor(app, 'builder');
    saved = await createStoredProcess(app, passThroughProcess('op'));
  });

  const run = (token: string, payload: object) =>
    app.inject({ method: 'POST', url: '/api/runs', headers: bearer(token), payload });

  it('refuses an unsaved process and an edited copy of a saved one, and names the builder role', async () => {
    const unsaved = await run(operator, { process: passThroughProcess('never-saved') });
    expect(unsaved.statusCode).toBe(403);
    expect(unsaved.json().message).toContain('builder role');
    const edited = await run(operator, {
      processId: saved.id,
      process: renameProcess(saved.document, 'Quietly changed'),
    });
    expect(edited.statusCode).toBe(403);
    expect(edited.json().message).toContain(`process ${saved.id} only as saved`);
    const claimed = await run(operator, {
      processId: saved.id,
      process: { ...passThroughProcess('other'), id: saved.id, name: 'Other' },
    });
    expect(claimed.statusCode).toBe(403);
  });

  it('runs the saved revision, and lets a builder run anything', async () => {
    const ok = await run(operator, { processId: saved.id, process: saved.document });
    expect(ok.statusCode, ok.body).toBe(201);
    expect((await waitForRun(app, ok.json().id)).status).toBe('complete');
    const built = await run(builder, { process: passThroughProcess('draft') });
    expect(built.statusCode, built.body).toBe(201);
  });

  it('refuses an operator re-running from a shape with an edited process, not with the run as it was', async () => {
    const first = await run(operator, { processId: saved.id, process: saved.document });
    const runId = first.json().id as string;
    await waitForRun(app, runId);
    const edited = await app.inject({
      method: 'POST',
      url: `/api/runs/${runId}/rerun`,
      headers: bearer(operator),
      payload: { shapeId: 'stop', process: renameProcess(saved.document, 'Edited') },
    });
    expect(edited.statusCode).toBe(403);
    const asItWas = await app.inject({
      method: 'POST',
      url: `/api/runs/${runId}/rerun`,
      headers: bearer(operator),
      payload: { shapeId: 'stop' },
    });
    expect(asItWas.statusCode, asItWas.body).toBe(201);
  });
});
