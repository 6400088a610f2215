import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, storageUnderTest } from './build-test-app.ts';
import {
  createStoredProcess,
  heldConnect,
  passThroughProcess,
  startGetProcess,
  withListAtStart,
} from './run-helpers.ts';

type App = Awaited<ReturnType<typeof buildTestApp>>;

// Queue mode needs PostgreSQL (pg-boss); there the run executes on the queue's worker
// and its end reaches the waiting request through NOTIFY and the event relay.
const modes: ('in-process' | 'queue')[] = process.env['JUNCTION_TEST_DATABASE_URL']
  ? ['in-process', 'queue']
  : ['in-process'];

describe.each(modes)(`waiting for an execution's end (%s, ${storageUnderTest()})`, (runs) => {
  let app: App;
  let held: Awaited<ReturnType<typeof heldConnect>>;
  let heldProcessId: string;
  beforeAll(async () => {
    app = await buildTestApp({ runs });
    held = await heldConnect(app, 200, [{ id: 'PR-1' }]);
    heldProcessId = (
      await createStoredProcess(app, withListAtStart(passThroughProcess('held'), held.connectionId))
    ).id;
  });
  afterAll(() => held.close());

  it('answers POST …/executions?wait with the finished run', async () => {
    const { id } = await createStoredProcess(app, startGetProcess());
    const res = await app.inject({
      method: 'POST',
      url: `/api/processes/${id}/executions?wait=30`,
      payload: {},
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      processId: id,
      status: 'complete',
      executionStatus: 'COMPLETE',
      revision: 2,
    });
    expect(res.json().finishedAt).not.toBeNull();
  });

  it('answers 202 with the run so far when the wait runs out, and a long-poll GET gets its end', async () => {
    const started = await app.inject({
      method: 'POST',
      url: `/api/processes/${heldProcessId}/executions?wait=0`,
      payload: {},
    });
    expect(started.statusCode, started.body).toBe(202);
    expect(started.json()).toMatchObject({ status: 'running', executionStatus: 'INPROCESS' });
    const id = started.json().id as string;

    const still = await app.inject({ url: `/api/executions/${id}?wait=1` });
    expect(still.statusCode).toBe(202);
    expect(still.json().status).toBe('running');

    const waiting = app.inject({ url: `/api/executions/${id}?wait=30` });
    // The answer waits for the run, not for the 30 s: it comes once Connect answers.
    setTimeout(() => held.release(), 200);
    const ended = await waiting;
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json()).toMatchObject({ id, status: 'complete', documentsIn: 1 });

    // A finished run answers at once, whatever the wait.
    const t = performance.now();
    const again = await app.inject({ url: `/api/runs/${id}?wait=60` });
    expect(again.statusCode).toBe(200);
    expect(performance.now() - t).toBeLessThan(5_000);
  }, 60_000);

  it.each([['-1'], ['1e9'], ['abc'], ['61'], ['1.5'], ['']])(
    'refuses ?wait=%s with a 400 that names the parameter',
    async (wait) => {
      const { id } = await createStoredProcess(app, startGetProcess(`bad-wait`));
      const post = await app.inject({
        method: 'POST',
        url: `/api/processes/${id}/executions?wait=${wait}`,
        payload: {},
      });
      expect(post.statusCode, post.body).toBe(400);
      expect(post.json().message).toMatch(/wait/);
      // Refused before anything ran.
      const listed = await app.inject({ url: `/api/executions?processId=${id}` });
      expect(listed.json().total).toBe(0);
      for (const url of [`/api/executions/x?wait=${wait}`, `/api/runs/x?wait=${wait}`]) {
        const get = await app.inject({ url });
        expect(get.statusCode, `${url}: ${get.body}`).toBe(400);
        expect(get.json().message).toMatch(/wait/);
      }
    },
  );

  it('answers Platform API Execute Process ?wait with the finished ExecutionRecord, 202 while it runs', async () => {
    const P = '/api/platform/v1';
    const env = (
      await app.inject({
        method: 'POST',
        url: `${P}/Environment`,
        payload: { name: `wait-${runs}`, classification: 'TEST' },
      })
    ).json();
    const deploy = async (processId: string) => {
      const res = await app.inject({
        method: 'POST',
        url: `${P}/execute/deploy-process`,
        payload: { processId, environmentId: env.id },
      });
      expect(res.statusCode, res.body).toBeLessThan(300);
    };
    const { id } = await createStoredProcess(app, startGetProcess('platform-wait'));
    await deploy(id);
    const done = await app.inject({
      method: 'POST',
      url: `${P}/execute/execute-process?wait=30`,
      payload: { processId: id, environmentId: env.id },
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ processId: id, status: 'COMPLETE' });

    await deploy(heldProcessId);
    const running = await app.inject({
      method: 'POST',
      url: `${P}/execute/execute-process?wait=0`,
      payload: { processId: heldProcessId, environmentId: env.id },
    });
    expect(running.statusCode, running.body).toBe(202);
    expect(running.json()).toMatchObject({ status: 'INPROCESS' });
    held.release();

    const bad = await app.inject({
      method: 'POST',
      url: `${P}/execute/execute-process?wait=99`,
      payload: { processId: id, environmentId: env.id },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/wait/);
    // Without ?wait it answers at once, as before.
    const plain = await app.inject({
      method: 'POST',
      url: `${P}/execute/execute-process`,
      payload: { processId: id, environmentId: env.id },
    });
    expect(plain.statusCode).toBe(200);
    expect(plain.json()).toMatchObject({ status: 'STARTED' });
  }, 60_000);

  it("answers 404 when waiting on another account's execution", async () => {
    const provisioned = await app.inject({
      method: 'POST',
      url: '/api/platform/v1/execute/provision-account',
      payload: { name: 'Other', id: `other-${runs}` },
    });
    expect(provisioned.statusCode, provisioned.body).toBeLessThan(300);
    const { id } = await createStoredProcess(app, startGetProcess('mine'));
    const mine = await app.inject({
      method: 'POST',
      url: `/api/processes/${id}/executions?wait=30`,
      payload: {},
    });
    const other = { 'x-junction-account': `other-${runs}` };
    for (const url of [
      `/api/executions/${mine.json().id}?wait=5`,
      `/api/runs/${mine.json().id}?wait=5`,
    ]) {
      const res = await app.inject({ url, headers: other });
      expect(res.statusCode, res.body).toBe(404);
    }
  });
});
