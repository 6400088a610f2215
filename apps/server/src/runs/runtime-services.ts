import type { ExecuteOptions, PlatformGateway, TestLimits } from '@junction/runtime';
import type { Database } from '../db/database.ts';
import type { ProcessRepository } from '../repositories/process-repository.ts';
import {
  createDbPropertyStore,
  createDbSnapshotStore,
  createPropertyLoader,
} from '../repositories/runtime-stores.ts';

/** The parts of a run that come from this server rather than from the request. */
export type RuntimeServices = Pick<
  ExecuteOptions,
  | 'loadProcess'
  | 'persistedProperties'
  | 'snapshots'
  | 'programCommands'
  | 'platform'
  | 'testLimits'
>;

/**
 * Per account: Process Call loads the callee's latest saved revision; persisted
 * properties and Find Changes snapshots live in the database; Program Command
 * runs only the executables the operator listed (JUNCTION_PROGRAM_COMMANDS).
 */
export function createRuntimeServices(deps: {
  db: Database;
  processes: ProcessRepository;
  programCommands: readonly string[];
  /** The Platform API for Partner API connector shapes, per run account. */
  platformFor?: ((accountId: string) => PlatformGateway) | undefined;
  /** Test mode's limits (JUNCTION_TEST_MAX_DOCUMENTS, JUNCTION_TEST_MAX_BYTES). */
  testLimits?: Partial<TestLimits> | undefined;
}): (accountId: string) => RuntimeServices {
  const loadProperties = createPropertyLoader(deps.db);
  return (accountId) => ({
    loadProcess: async (processId) => (await deps.processes.get(accountId, processId))?.document,
    persistedProperties: createDbPropertyStore(deps.db, accountId, loadProperties),
    snapshots: createDbSnapshotStore(deps.db, accountId),
    ...(deps.platformFor ? { platform: deps.platformFor(accountId) } : {}),
    ...(deps.testLimits ? { testLimits: deps.testLimits } : {}),
    ...(deps.programCommands.length > 0
      ? { programCommands: { allow: deps.programCommands } }
      : {}),
  });
}
