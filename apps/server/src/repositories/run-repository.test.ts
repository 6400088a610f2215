import { listRequestsProcess } from '@junction/runtime/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, storageUnderTest } from '../../test/build-test-app.ts';
import { DEFAULT_ACCOUNT_ID, ensureDefaultAccount } from './account-repository.ts';
import { createRunRepository, type RunRepository } from './run-repository.ts';

const outcome = {
  status: 'complete' as const,
  error: undefined,
  shapes: {},
  connections: {},
  counts: { documentsIn: 1, documentsOut: 1, documentsInError: 0 },
  documentsStored: 0,
};

describe(`the run repository (${storageUnderTest()})`, () => {
  let runs: RunRepository;
  beforeAll(async () => {
    const db = await openTestDatabase();
    await ensureDefaultAccount(db);
    runs = createRunRepository(db);
  });

  const create = async (id: string) =>
    runs.create(DEFAULT_ACCOUNT_ID, {
      id,
      processId: null,
      document: listRequestsProcess('stored'),
      connectionId: null,
      executionType: 'test_manual',
      revision: null,
      originalRunId: null,
    });

  it('finishes a running run and says so', async () => {
    await create('run-finished');
    expect(await runs.finish(DEFAULT_ACCOUNT_ID, 'run-finished', outcome)).toBe(true);
    expect(await runs.get(DEFAULT_ACCOUNT_ID, 'run-finished')).toMatchObject({
      status: 'complete',
      documentsIn: 1,
    });
  });

  it('leaves an abandoned run ABORTED when its late worker finishes it', async () => {
    await create('run-abandoned');
    expect(await runs.abandonInterrupted()).toBeGreaterThanOrEqual(1);
    expect(await runs.finish(DEFAULT_ACCOUNT_ID, 'run-abandoned', outcome)).toBe(false);
    expect(await runs.get(DEFAULT_ACCOUNT_ID, 'run-abandoned')).toMatchObject({
      status: 'aborted',
      error: 'The server running it stopped.',
      documentsIn: 0,
    });
  });

  it('never finishes a run twice', async () => {
    await create('run-twice');
    expect(
      await runs.finish(DEFAULT_ACCOUNT_ID, 'run-twice', { ...outcome, status: 'error' }),
    ).toBe(true);
    expect(await runs.finish(DEFAULT_ACCOUNT_ID, 'run-twice', outcome)).toBe(false);
    expect((await runs.get(DEFAULT_ACCOUNT_ID, 'run-twice'))?.status).toBe('error');
  });

  it('answers runs started, ended and read together each for itself', async () => {
    const ids = ['together-1', 'together-2', 'together-3'];
    await Promise.all(ids.map(create));
    await runs.finish(DEFAULT_ACCOUNT_ID, 'together-2', { ...outcome, status: 'error' });
    // One moment: the ends share a statement, yet only the runs still running end.
    const ended = await Promise.all(ids.map((id) => runs.finish(DEFAULT_ACCOUNT_ID, id, outcome)));
    expect(ended).toEqual([true, false, true]);
    const read = await Promise.all([
      ...ids.map((id) => runs.get(DEFAULT_ACCOUNT_ID, id)),
      runs.get(DEFAULT_ACCOUNT_ID, 'together-1'),
      runs.get('another-account', 'together-1'),
      runs.get(DEFAULT_ACCOUNT_ID, 'no-such-run'),
    ]);
    expect(read.map((r) => r?.status ?? null)).toEqual([
      'complete',
      'error',
      'complete',
      'complete',
      null,
      null,
    ]);
    // Two readers of one run never share an object.
    expect(read[0]).not.toBe(read[3]);
    expect(read[0]).toEqual(read[3]);
  });
});
