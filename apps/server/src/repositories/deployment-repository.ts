import { randomUUID } from 'node:crypto';
import type { DeploymentView, ScheduleInput, ScheduleView } from '@junction/api';
import type { Database, Queryable } from '../db/database.ts';

/**
 * What a revision listens on, as a deployment keeps it (`listen_key`): its method
 * and path, `''` for a revision that does not listen. Written when the deployment is
 * made, from the revision `r` it deploys.
 */
export const LISTEN_KEY_OF_REVISION = `COALESCE((
  SELECT CASE WHEN s.value#>>'{config,listener,kind}' = 'connect-webhook' THEN 'POST'
              ELSE s.value#>>'{config,listener,method}' END
         || ' ' || (s.value#>>'{config,listener,path}')
  FROM jsonb_each(r.document->'shapes') s
  WHERE s.value->>'kind' = 'start' AND s.value#>>'{config,mode}' = 'listen'
  LIMIT 1), '')`;

/** A call's key: as LISTEN_KEY_OF_REVISION writes it. */
export const listenKey = (method: string, path: string) => `${method} ${path}`;

export type { DeploymentView, ScheduleInput, ScheduleView };

export interface DeploymentRow {
  account_id: string;
  id: string;
  environment_id: string;
  process_id: string;
  revision: number;
  active: boolean;
  deployed_at: Date | string;
}

/** An active schedule with what the scheduler needs to start its execution. */
export interface DueSchedule extends ScheduleView {
  accountId: string;
  deploymentId: string;
  environmentId: string;
  processId: string;
  revision: number;
}

export async function withSchedules(
  db: Queryable,
  rows: DeploymentRow[],
): Promise<DeploymentView[]> {
  if (rows.length === 0) {
    return [];
  }
  const schedules = await db.query<{
    account_id: string;
    deployment_id: string;
    id: string;
    cron: string;
    time_zone: string;
  }>(
    `SELECT account_id, deployment_id, id, cron, time_zone FROM schedules
     WHERE (account_id, deployment_id) IN (SELECT * FROM unnest($1::text[], $2::text[])) ORDER BY id`,
    [rows.map((r) => r.account_id), rows.map((r) => r.id)],
  );
  return rows.map((row) => ({
    id: row.id,
    environmentId: row.environment_id,
    processId: row.process_id,
    revision: row.revision,
    active: row.active,
    deployedAt: new Date(row.deployed_at).toISOString(),
    schedules: schedules
      .filter((s) => s.account_id === row.account_id && s.deployment_id === row.id)
      .map((s) => ({ id: s.id, cron: s.cron, timeZone: s.time_zone })),
  }));
}

async function replaceSchedules(
  tx: Queryable,
  accountId: string,
  deploymentId: string,
  schedules: ScheduleInput[],
): Promise<void> {
  await tx.query('DELETE FROM schedules WHERE account_id = $1 AND deployment_id = $2', [
    accountId,
    deploymentId,
  ]);
  for (const schedule of schedules) {
    await tx.query(
      'INSERT INTO schedules (account_id, id, deployment_id, cron, time_zone) VALUES ($1, $2, $3, $4, $5)',
      [accountId, randomUUID(), deploymentId, schedule.cron, schedule.timeZone],
    );
  }
}

/**
 * Deployments: a process revision deployed to an environment. One deployment of
 * a process per environment is active; deploying again replaces it, and
 * executions in that environment run its revision.
 */
export function createDeploymentRepository(db: Database) {
  async function get(accountId: string, id: string): Promise<DeploymentView | null> {
    const rows = await db.query<DeploymentRow>(
      'SELECT * FROM deployments WHERE account_id = $1 AND id = $2',
      [accountId, id],
    );
    return (await withSchedules(db, rows))[0] ?? null;
  }

  return {
    get,

    async deploy(
      accountId: string,
      input: {
        environmentId: string;
        processId: string;
        revision: number;
        schedules: ScheduleInput[];
      },
    ): Promise<DeploymentView> {
      const id = randomUUID();
      await db.transaction(async (tx) => {
        await tx.query(
          'UPDATE deployments SET active = false WHERE account_id = $1 AND process_id = $2 AND environment_id = $3',
          [accountId, input.processId, input.environmentId],
        );
        // What it listens on comes from the revision itself (null when there is no such
        // revision: the foreign key then refuses the row, as before).
        await tx.query(
          `INSERT INTO deployments (account_id, id, environment_id, process_id, revision, listen_key)
           VALUES ($1, $2, $3, $4, $5, (
             SELECT ${LISTEN_KEY_OF_REVISION} FROM process_revisions r
             WHERE r.account_id = $1 AND r.process_id = $4 AND r.revision = $5))`,
          [accountId, id, input.environmentId, input.processId, input.revision],
        );
        await replaceSchedules(tx, accountId, id, input.schedules);
      });
      return (await get(accountId, id))!;
    },

    async update(
      accountId: string,
      id: string,
      input: { active?: boolean | undefined; schedules?: ScheduleInput[] | undefined },
    ): Promise<DeploymentView | null> {
      const found = await db.transaction(async (tx) => {
        const rows = await tx.query(
          'UPDATE deployments SET active = COALESCE($3, active) WHERE account_id = $1 AND id = $2 RETURNING id',
          [accountId, id, input.active ?? null],
        );
        if (rows.length > 0 && input.schedules) {
          await replaceSchedules(tx, accountId, id, input.schedules);
        }
        return rows.length > 0;
      });
      return found ? get(accountId, id) : null;
    },

    async remove(accountId: string, id: string): Promise<boolean> {
      const rows = await db.query(
        'DELETE FROM deployments WHERE account_id = $1 AND id = $2 RETURNING id',
        [accountId, id],
      );
      return rows.length > 0;
    },

    /** The active deployment of a process in an environment (or its only one). */
    async active(
      accountId: string,
      processId: string,
      environmentId: string | undefined,
    ): Promise<DeploymentView[]> {
      const rows = await db.query<DeploymentRow>(
        `SELECT * FROM deployments WHERE account_id = $1 AND process_id = $2 AND active
         AND ($3::text IS NULL OR environment_id = $3) ORDER BY deployed_at DESC, id`,
        [accountId, processId, environmentId ?? null],
      );
      return withSchedules(db, rows);
    },

    /** Every schedule of an active deployment in a live account, for the scheduler. */
    async activeSchedules(): Promise<DueSchedule[]> {
      const rows = await db.query<{
        account_id: string;
        id: string;
        cron: string;
        time_zone: string;
        deployment_id: string;
        environment_id: string;
        process_id: string;
        revision: number;
      }>(
        // A suspended account stops its whole subtree, schedules included.
        `WITH RECURSIVE stopped AS (
           SELECT id FROM accounts WHERE status = 'suspended'
           UNION
           SELECT a.id FROM accounts a JOIN stopped ON a.parent_id = stopped.id
         )
         SELECT s.account_id, s.id, s.cron, s.time_zone, d.id AS deployment_id, d.environment_id,
           d.process_id, d.revision
         FROM schedules s
         JOIN deployments d ON d.account_id = s.account_id AND d.id = s.deployment_id
         JOIN accounts a ON a.id = s.account_id
         WHERE d.active AND a.status = 'active'
           AND s.account_id NOT IN (SELECT id FROM stopped)`,
      );
      return rows.map((r) => ({
        id: r.id,
        cron: r.cron,
        timeZone: r.time_zone,
        accountId: r.account_id,
        deploymentId: r.deployment_id,
        environmentId: r.environment_id,
        processId: r.process_id,
        revision: r.revision,
      }));
    },

    /**
     * Claims one tick of a schedule: the unique (schedule, tick) row is inserted
     * before the execution starts, so of any number of servers (or a restart)
     * exactly one starts it.
     */
    /** `into`: the transaction that also queues the tick's run, when the dispatcher can. */
    async claimTick(
      accountId: string,
      scheduleId: string,
      tick: Date,
      into: Queryable = db,
    ): Promise<boolean> {
      const rows = await into.query(
        `INSERT INTO schedule_ticks (account_id, schedule_id, tick) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING RETURNING tick`,
        [accountId, scheduleId, tick.toISOString()],
      );
      return rows.length > 0;
    },

    async recordTickRun(
      accountId: string,
      scheduleId: string,
      tick: Date,
      runId: string,
      into: Queryable = db,
    ): Promise<void> {
      await into.query(
        'UPDATE schedule_ticks SET run_id = $4 WHERE account_id = $1 AND schedule_id = $2 AND tick = $3',
        [accountId, scheduleId, tick.toISOString(), runId],
      );
    },
  };
}

export type DeploymentRepository = ReturnType<typeof createDeploymentRepository>;
