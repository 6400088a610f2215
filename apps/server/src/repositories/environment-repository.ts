import type { EnvironmentClassification, EnvironmentView } from '@junction/api';
import type { Database } from '../db/database.ts';

export type { EnvironmentClassification, EnvironmentView };

export interface EnvironmentRow {
  id: string;
  name: string;
  classification: EnvironmentClassification;
  created_at: Date | string;
}

export function toEnvironmentView(row: EnvironmentRow): EnvironmentView {
  return {
    id: row.id,
    name: row.name,
    classification: row.classification,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

/** Environments: where processes are deployed (Boomi's Environment object). */
export function createEnvironmentRepository(db: Database) {
  return {
    async get(accountId: string, id: string): Promise<EnvironmentView | null> {
      const [row] = await db.query<EnvironmentRow>(
        'SELECT * FROM environments WHERE account_id = $1 AND id = $2',
        [accountId, id],
      );
      return row ? toEnvironmentView(row) : null;
    },

    async create(
      accountId: string,
      input: { id: string; name: string; classification: EnvironmentClassification },
    ): Promise<EnvironmentView> {
      const [row] = await db.query<EnvironmentRow>(
        'INSERT INTO environments (account_id, id, name, classification) VALUES ($1, $2, $3, $4) RETURNING *',
        [accountId, input.id, input.name, input.classification],
      );
      return toEnvironmentView(row!);
    },

    async update(
      accountId: string,
      id: string,
      input: { name?: string | undefined; classification?: EnvironmentClassification | undefined },
    ): Promise<EnvironmentView | null> {
      const [row] = await db.query<EnvironmentRow>(
        `UPDATE environments SET name = COALESCE($3, name), classification = COALESCE($4, classification)
         WHERE account_id = $1 AND id = $2 RETURNING *`,
        [accountId, id, input.name ?? null, input.classification ?? null],
      );
      return row ? toEnvironmentView(row) : null;
    },

    /** 'in-use' while deployments point at it: undeploy first, nothing is lost silently. */
    async remove(accountId: string, id: string): Promise<'removed' | 'not-found' | 'in-use'> {
      const [used] = await db.query(
        'SELECT 1 FROM deployments WHERE account_id = $1 AND environment_id = $2 LIMIT 1',
        [accountId, id],
      );
      if (used) {
        return 'in-use';
      }
      const rows = await db.query(
        'DELETE FROM environments WHERE account_id = $1 AND id = $2 RETURNING id',
        [accountId, id],
      );
      return rows.length > 0 ? 'removed' : 'not-found';
    },
  };
}

export type EnvironmentRepository = ReturnType<typeof createEnvironmentRepository>;
