import type { Queryable } from '../db/database.ts';
import {
  ACCOUNT_COLUMNS,
  type AccountView,
  toAccountView,
} from '../repositories/account-repository.ts';
import { type ConnectionRow, toConnectionView } from '../repositories/connection-repository.ts';
import { type DeploymentRow, withSchedules } from '../repositories/deployment-repository.ts';
import { type EnvironmentRow, toEnvironmentView } from '../repositories/environment-repository.ts';
import {
  EXECUTION_STATUS_SQL,
  RUN_COLUMNS,
  type RunRecord,
  type RunRow,
  toRunRecord,
} from '../repositories/run-record.ts';
import { toTokenView } from '../repositories/token-repository.ts';
import type { FieldMap } from './query-filter.ts';

export const PLATFORM_OBJECTS = [
  'account',
  'environment',
  'process',
  'deployment',
  'execution-record',
  'connection',
  'token',
] as const;
export type PlatformObject = (typeof PLATFORM_OBJECTS)[number];

/** How an object reads in REST paths (Boomi's object names). */
export const OBJECT_PATHS: Record<PlatformObject, string> = {
  account: 'Account',
  environment: 'Environment',
  process: 'Process',
  deployment: 'Deployment',
  'execution-record': 'ExecutionRecord',
  connection: 'Connection',
  token: 'Token',
};

/** How Query reads one object: its table, the account scope, properties, order and view. */
export interface QuerySpec {
  from: string;
  /** The rows visible in the target account; `p` is its SQL parameter. */
  scope(p: string): string;
  fields: FieldMap;
  select: string;
  order: string;
  views(db: Queryable, rows: Record<string, unknown>[]): Promise<unknown[]>;
}

const text = (sql: string) => ({ sql, type: 'text' as const });
const time = (sql: string) => ({ sql, type: 'timestamp' as const });
const num = (sql: string) => ({ sql, type: 'number' as const });
const own = (p: string) => `account_id = ${p}`;
const map =
  <R, V>(fn: (row: R) => V) =>
  async (_db: Queryable, rows: Record<string, unknown>[]) =>
    rows.map((r) => fn(r as R));

/** Boomi's ExecutionRecord (process-semantics.md §8) for a stored run. */
export function toExecutionRecord(run: RunRecord) {
  return {
    executionId: run.id,
    processId: run.processId,
    processName: run.processName,
    revision: run.revision,
    deploymentId: run.deploymentId,
    environmentId: run.environmentId,
    executionType: run.executionType,
    status: run.executionStatus,
    message: run.error,
    originalExecutionId: run.originalRunId,
    recordedDate: run.startedAt,
    finishedDate: run.finishedAt,
    executionDuration: run.durationMs,
    inboundDocumentCount: run.documentsIn,
    outboundDocumentCount: run.documentsOut,
    inboundErrorDocumentCount: run.documentsInError,
  };
}

export const QUERY_SPECS: Record<PlatformObject, QuerySpec> = {
  account: {
    from: 'accounts',
    scope: (p) => `status <> 'deleted' AND id IN (WITH RECURSIVE down AS (
        SELECT id FROM accounts WHERE id = ${p}
        UNION ALL SELECT a.id FROM accounts a JOIN down ON a.parent_id = down.id
      ) SELECT id FROM down)`,
    fields: {
      id: text('id'),
      name: text('name'),
      parentAccountId: text('parent_id'),
      status: text('status'),
      createdAt: time('created_at'),
    },
    select: ACCOUNT_COLUMNS,
    order: 'created_at, id',
    views: map<Parameters<typeof toAccountView>[0], AccountView>(toAccountView),
  },
  environment: {
    from: 'environments',
    scope: own,
    fields: {
      id: text('id'),
      name: text('name'),
      classification: text('classification'),
      createdAt: time('created_at'),
    },
    select: '*',
    order: 'name, id',
    views: map<EnvironmentRow, unknown>(toEnvironmentView),
  },
  process: {
    from: 'processes',
    scope: (p) => `account_id = ${p} AND deleted_at IS NULL`,
    fields: {
      id: text('id'),
      name: text('name'),
      revision: num('revision'),
      createdAt: time('created_at'),
      updatedAt: time('updated_at'),
    },
    select: 'id, name, revision, created_at, updated_at',
    order: 'name, id',
    views: map<{ id: string; name: string; revision: number; updated_at: Date | string }, unknown>(
      (r) => ({
        id: r.id,
        name: r.name,
        revision: r.revision,
        updatedAt: new Date(r.updated_at).toISOString(),
      }),
    ),
  },
  deployment: {
    from: 'deployments',
    scope: own,
    fields: {
      id: text('id'),
      environmentId: text('environment_id'),
      processId: text('process_id'),
      revision: num('revision'),
      active: { sql: 'active', type: 'boolean' },
      deployedAt: time('deployed_at'),
    },
    select: '*',
    order: 'deployed_at, id',
    views: (db, rows) => withSchedules(db, rows as unknown as DeploymentRow[]),
  },
  'execution-record': {
    from: 'runs',
    scope: own,
    fields: {
      executionId: text('id'),
      processId: text('process_id'),
      processName: text('process_name'),
      deploymentId: text('deployment_id'),
      environmentId: text('environment_id'),
      executionType: text('execution_type'),
      status: text(EXECUTION_STATUS_SQL),
      recordedDate: time('started_at'),
      revision: num('revision'),
    },
    select: RUN_COLUMNS,
    order: 'started_at DESC, id',
    views: map<RunRow, unknown>((r) => toExecutionRecord(toRunRecord(r))),
  },
  connection: {
    from: 'connections',
    scope: own,
    fields: {
      id: text('id'),
      name: text('name'),
      kind: text('kind'),
      endpoint: text('endpoint'),
      createdAt: time('created_at'),
      updatedAt: time('updated_at'),
    },
    // Never the secret columns: the view has no token, and the query never reads one.
    select: 'id, name, kind, endpoint, created_at, updated_at',
    order: 'name, id',
    views: map<ConnectionRow, unknown>(toConnectionView),
  },
  token: {
    from: 'api_tokens',
    scope: own,
    fields: {
      id: text('id'),
      name: text('name'),
      role: text('role'),
      createdAt: time('created_at'),
      lastUsedAt: time('last_used_at'),
      revokedAt: time('revoked_at'),
    },
    select: 'account_id, id, name, role, created_at, last_used_at, revoked_at',
    order: 'created_at, id',
    views: map<Parameters<typeof toTokenView>[0], unknown>(toTokenView),
  },
};
