import type { Database } from './database.ts';

/**
 * Ordered schema migrations; each runs once, in its own transaction. Append only:
 * a released migration is never edited, a change is a new entry.
 */
const MIGRATIONS: readonly { id: number; name: string; sql: string }[] = [
  {
    id: 1,
    name: 'accounts, processes, revisions, connections, runs',
    sql: `
      CREATE TABLE accounts (
        id text PRIMARY KEY,
        name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE processes (
        account_id text NOT NULL REFERENCES accounts(id),
        id text NOT NULL,
        name text NOT NULL,
        revision integer NOT NULL,
        document jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        deleted_at timestamptz,
        PRIMARY KEY (account_id, id)
      );
      CREATE TABLE process_revisions (
        account_id text NOT NULL,
        process_id text NOT NULL,
        revision integer NOT NULL,
        document jsonb NOT NULL,
        saved_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (account_id, process_id, revision),
        FOREIGN KEY (account_id, process_id) REFERENCES processes(account_id, id)
      );
      CREATE TABLE connections (
        account_id text NOT NULL REFERENCES accounts(id),
        id text NOT NULL,
        name text NOT NULL,
        kind text NOT NULL,
        endpoint text NOT NULL,
        secret text NOT NULL,
        secret_key_id text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (account_id, id)
      );
      CREATE TABLE runs (
        account_id text NOT NULL REFERENCES accounts(id),
        id text NOT NULL,
        process_id text,
        process_name text NOT NULL,
        connection_id text NOT NULL,
        document jsonb NOT NULL,
        status text NOT NULL,
        error text,
        shape_stats jsonb NOT NULL DEFAULT '{}',
        connection_counts jsonb NOT NULL DEFAULT '{}',
        started_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        PRIMARY KEY (account_id, id)
      );
      CREATE INDEX runs_by_process ON runs (account_id, process_id, started_at DESC);
    `,
  },
];

export async function migrate(db: Database): Promise<void> {
  await db.query(
    'CREATE TABLE IF NOT EXISTS schema_migrations (id integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
  );
  const applied = new Set(
    (await db.query<{ id: number }>('SELECT id FROM schema_migrations')).map((r) => r.id),
  );
  for (const m of MIGRATIONS) {
    if (applied.has(m.id)) {
      continue;
    }
    await db.transaction(async (tx) => {
      for (const statement of m.sql
        .split(';')
        .map((s) => s.trim())
        .filter(Boolean)) {
        await tx.query(statement);
      }
      await tx.query('INSERT INTO schema_migrations (id, name) VALUES ($1, $2)', [m.id, m.name]);
    });
  }
}
