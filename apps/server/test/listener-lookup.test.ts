import { createProcess } from '@junction/process-model';
import { describe, expect, it } from 'vitest';
import { deployedListeners } from '../src/listen/listener-lookup.ts';
import {
  DEFAULT_ACCOUNT_ID,
  ensureDefaultAccount,
} from '../src/repositories/account-repository.ts';
import { createDeploymentRepository } from '../src/repositories/deployment-repository.ts';
import { createEnvironmentRepository } from '../src/repositories/environment-repository.ts';
import { createProcessRepository } from '../src/repositories/process-repository.ts';
import { openTestDatabase, storageUnderTest } from './build-test-app.ts';
import { listenerProcess } from './listener-fixtures.ts';

describe(`finding a call's listeners (${storageUnderTest()})`, () => {
  it('by the key each deployment keeps, and by the document for rows written without one', async () => {
    const db = await openTestDatabase();
    await ensureDefaultAccount(db);
    const saver = { homeAccountId: DEFAULT_ACCOUNT_ID, tokenId: undefined };
    const processes = createProcessRepository(db);
    const deployments = createDeploymentRepository(db);
    await createEnvironmentRepository(db).create(DEFAULT_ACCOUNT_ID, {
      id: 'prod',
      name: 'Prod',
      classification: 'PROD',
    });
    const deploy = async (document: ReturnType<typeof createProcess>) => {
      await processes.create(DEFAULT_ACCOUNT_ID, document, saver);
      return deployments.deploy(DEFAULT_ACCOUNT_ID, {
        environmentId: 'prod',
        processId: document.id,
        revision: 1,
        schedules: [],
      });
    };
    const hook = await deploy(listenerProcess('hook', { path: 'orders', method: 'PUT' }));
    await deploy(createProcess({ id: 'plain', name: 'Not a listener' }));
    const keys = await db.query<{ process_id: string; listen_key: string | null }>(
      'SELECT process_id, listen_key FROM deployments ORDER BY process_id',
    );
    expect(keys).toEqual([
      { process_id: 'hook', listen_key: 'PUT orders' },
      { process_id: 'plain', listen_key: '' },
    ]);
    const found = async (method: string, path: string) =>
      (await deployedListeners(db, 'prod', method, path)).map((l) => l.deploymentId);
    expect(await found('PUT', 'orders')).toEqual([hook.id]);
    expect(await found('POST', 'orders')).toEqual([]);
    expect(await found('PUT', 'other')).toEqual([]);
    // A server of the version before writes no key: its listener still answers.
    await db.query("UPDATE deployments SET listen_key = NULL WHERE process_id = 'hook'");
    expect(await found('PUT', 'orders')).toEqual([hook.id]);
    expect(await found('POST', 'orders')).toEqual([]);
  });
});
