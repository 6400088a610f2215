import type { Database, Queryable } from './database.ts';

/**
 * Ordered schema migrations; each runs once (see `migrate`). Append only:
 * a released migration is never edited, a change is a new entry.
 */
interface Migration {
  id: number;
  name: string;
  /**
   * Statements separated by semicolons, or a list of statements taken as they are
   * (for a statement with semicolons of its own, such as a function's body).
   */
  sql: string | readonly string[];
}

const MIGRATIONS: readonly Migration[] = [
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
  {
    id: 2,
    name: 'executions, run documents and logs, pinned test input',
    sql: `
      ALTER TABLE runs ALTER COLUMN connection_id DROP NOT NULL;
      ALTER TABLE runs ADD COLUMN execution_type text NOT NULL DEFAULT 'test_manual';
      ALTER TABLE runs ADD COLUMN revision integer;
      ALTER TABLE runs ADD COLUMN original_run_id text;
      ALTER TABLE runs ADD COLUMN documents_in integer NOT NULL DEFAULT 0;
      ALTER TABLE runs ADD COLUMN documents_out integer NOT NULL DEFAULT 0;
      ALTER TABLE runs ADD COLUMN documents_in_error integer NOT NULL DEFAULT 0;
      ALTER TABLE runs ADD COLUMN documents_stored integer NOT NULL DEFAULT 0;
      CREATE INDEX runs_by_time ON runs (account_id, started_at DESC);
      CREATE TABLE run_documents (
        account_id text NOT NULL,
        run_id text NOT NULL,
        seq integer NOT NULL,
        shape_id text NOT NULL,
        direction text NOT NULL,
        port text,
        document_id text NOT NULL,
        parent_id text,
        data text NOT NULL,
        properties jsonb NOT NULL,
        error text,
        PRIMARY KEY (account_id, run_id, seq),
        FOREIGN KEY (account_id, run_id) REFERENCES runs(account_id, id) ON DELETE CASCADE
      );
      CREATE INDEX run_documents_by_shape ON run_documents (account_id, run_id, shape_id, direction, seq);
      CREATE INDEX run_documents_by_document ON run_documents (account_id, run_id, document_id);
      CREATE TABLE run_logs (
        account_id text NOT NULL,
        run_id text NOT NULL,
        seq integer NOT NULL,
        shape_id text NOT NULL,
        level text NOT NULL,
        message text NOT NULL,
        document_id text,
        PRIMARY KEY (account_id, run_id, seq),
        FOREIGN KEY (account_id, run_id) REFERENCES runs(account_id, id) ON DELETE CASCADE
      );
      CREATE TABLE pinned_inputs (
        account_id text NOT NULL,
        process_id text NOT NULL,
        documents jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (account_id, process_id),
        FOREIGN KEY (account_id, process_id) REFERENCES processes(account_id, id)
      )
    `,
  },
  {
    id: 3,
    name: 'persisted process properties and Find Changes snapshots',
    sql: `
      CREATE TABLE process_properties (
        account_id text NOT NULL REFERENCES accounts(id),
        process_id text NOT NULL,
        name text NOT NULL,
        value text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (account_id, process_id, name)
      );
      CREATE TABLE change_snapshots (
        account_id text NOT NULL REFERENCES accounts(id),
        process_id text NOT NULL,
        name text NOT NULL,
        records jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (account_id, process_id, name)
      )
    `,
  },
  {
    id: 4,
    name: 'account hierarchy, API tokens, environments, deployments, schedules',
    sql: `
      ALTER TABLE accounts ADD COLUMN parent_id text REFERENCES accounts(id);
      ALTER TABLE accounts ADD COLUMN status text NOT NULL DEFAULT 'active';
      CREATE INDEX accounts_by_parent ON accounts (parent_id);
      CREATE TABLE api_tokens (
        account_id text NOT NULL REFERENCES accounts(id),
        id text NOT NULL,
        name text NOT NULL,
        role text NOT NULL,
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        revoked_at timestamptz,
        PRIMARY KEY (account_id, id)
      );
      CREATE TABLE environments (
        account_id text NOT NULL REFERENCES accounts(id),
        id text NOT NULL,
        name text NOT NULL,
        classification text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (account_id, id)
      );
      CREATE TABLE deployments (
        account_id text NOT NULL REFERENCES accounts(id),
        id text NOT NULL,
        environment_id text NOT NULL,
        process_id text NOT NULL,
        revision integer NOT NULL,
        active boolean NOT NULL DEFAULT true,
        deployed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (account_id, id),
        FOREIGN KEY (account_id, environment_id) REFERENCES environments(account_id, id),
        FOREIGN KEY (account_id, process_id, revision) REFERENCES process_revisions(account_id, process_id, revision)
      );
      CREATE INDEX deployments_by_process ON deployments (account_id, process_id, environment_id);
      CREATE TABLE schedules (
        account_id text NOT NULL,
        id text NOT NULL,
        deployment_id text NOT NULL,
        cron text NOT NULL,
        time_zone text NOT NULL,
        PRIMARY KEY (account_id, id),
        FOREIGN KEY (account_id, deployment_id) REFERENCES deployments(account_id, id) ON DELETE CASCADE
      );
      CREATE TABLE schedule_ticks (
        account_id text NOT NULL,
        schedule_id text NOT NULL,
        tick timestamptz NOT NULL,
        run_id text,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (account_id, schedule_id, tick),
        FOREIGN KEY (account_id, schedule_id) REFERENCES schedules(account_id, id) ON DELETE CASCADE
      );
      ALTER TABLE runs ADD COLUMN deployment_id text;
      ALTER TABLE runs ADD COLUMN environment_id text
    `,
  },
  {
    id: 5,
    name: 'the built-in sandbox kept across restarts (optional)',
    sql: `
      CREATE TABLE sandbox_state (
        id text PRIMARY KEY,
        snapshot jsonb NOT NULL,
        saved_at timestamptz NOT NULL DEFAULT now()
      )
    `,
  },
  {
    id: 6,
    name: 'run heartbeats, so servers sharing a database only abandon runs whose server stopped',
    sql: `
      ALTER TABLE runs ADD COLUMN heartbeat_at timestamptz
    `,
  },
  {
    id: 7,
    name: 'a document row may point at an earlier row of the run holding the same body',
    sql: `
      ALTER TABLE run_documents ADD COLUMN same_as integer;
      ALTER TABLE run_documents ALTER COLUMN data DROP NOT NULL;
      ALTER TABLE run_documents ALTER COLUMN properties DROP NOT NULL
    `,
  },
  {
    id: 8,
    name: 'running runs indexed, for the heartbeat and the sweep every few seconds',
    sql: `
      CREATE INDEX runs_running ON runs (id) WHERE status = 'running'
    `,
  },
  {
    id: 9,
    name: 'run events for watchers on other servers, and cancel requests for queued runs',
    sql: `
      CREATE TABLE run_events (
        account_id text NOT NULL,
        run_id text NOT NULL,
        seq integer NOT NULL,
        event jsonb NOT NULL,
        PRIMARY KEY (account_id, run_id, seq),
        FOREIGN KEY (account_id, run_id) REFERENCES runs (account_id, id) ON DELETE CASCADE
      );
      ALTER TABLE runs ADD COLUMN cancel_requested boolean NOT NULL DEFAULT false
    `,
  },
  {
    id: 10,
    name: 'listener secrets, sealed like connection tokens',
    sql: `
      CREATE TABLE listener_secrets (
        account_id text NOT NULL,
        process_id text NOT NULL,
        secret text NOT NULL,
        secret_key_id text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (account_id, process_id),
        FOREIGN KEY (account_id, process_id) REFERENCES processes (account_id, id)
      )
    `,
  },
  {
    id: 11,
    name: 'Connect webhook events seen per listener, so a retried event starts one run',
    sql: `
      CREATE TABLE webhook_events (
        account_id text NOT NULL,
        process_id text NOT NULL,
        event_id text NOT NULL,
        run_id text,
        received_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (account_id, process_id, event_id)
      );
      CREATE INDEX webhook_events_received ON webhook_events (account_id, process_id, received_at)
    `,
  },
  {
    id: 12,
    name: 'who saved each process revision, and which revision a restore brought back',
    sql: `
      ALTER TABLE process_revisions ADD COLUMN saved_by text;
      ALTER TABLE process_revisions ADD COLUMN saved_by_token_account text;
      ALTER TABLE process_revisions ADD COLUMN saved_by_token_id text;
      ALTER TABLE process_revisions ADD COLUMN restored_from integer
    `,
  },
  {
    id: 13,
    name: 'test runs paused at breakpoints and the answers they wait for',
    // Documents and answers are JSON kept as text: jsonb refuses a NUL character,
    // which a document may hold.
    sql: `
      CREATE TABLE run_pauses (
        account_id text NOT NULL,
        run_id text NOT NULL,
        pause integer NOT NULL,
        shape_id text NOT NULL,
        reason text NOT NULL,
        documents text NOT NULL,
        document_count integer NOT NULL,
        paused_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        answer text,
        answered_at timestamptz,
        PRIMARY KEY (account_id, run_id, pause),
        FOREIGN KEY (account_id, run_id) REFERENCES runs (account_id, id) ON DELETE CASCADE
      )
    `,
  },
  {
    id: 14,
    name: 'runs and their live events found by the run id alone',
    // The event relay, cancels, heartbeats and the catch-up sweep know a run by its id
    // (a NOTIFY carries only that), and without these each such read scanned its table:
    // run_events grows with every run a minute back, runs with every run kept. Run ids
    // are random UUIDs, so the id alone leads the events' key.
    sql: `
      CREATE INDEX runs_by_id ON runs (id);
      ALTER TABLE run_events DROP CONSTRAINT run_events_pkey, ADD PRIMARY KEY (run_id, seq)
    `,
  },
  {
    id: 15,
    name: "live events stored a write per row: a run's events published together share one",
    // A short run published six events a write, and each row cost its key's insert, a
    // conflict check and the check of its run: a sixth of PostgreSQL's time per
    // execution. A row's `seq` is the number of its last event (event-outbox.ts).
    // `event` stays, holding each row's last event, while servers and workers of the
    // version before may still run on this schema: they write it and read it.
    sql: `
      ALTER TABLE run_events ADD COLUMN events jsonb, ALTER COLUMN event DROP NOT NULL;
      UPDATE run_events SET events = jsonb_build_array(event)
    `,
  },
  {
    id: 16,
    name: "a large batch of a run's document bodies stored as compressed chunks",
    // Each record went through pglz on its own and out to the TOAST table: on embedded
    // PGlite that was WebAssembly on the server's thread, a quarter of a test run's
    // time. A chunk of a list's records, compressed together, is tens of times smaller
    // (document-chunks.ts). Already compressed: `EXTERNAL` keeps pglz from trying again.
    sql: `
      CREATE TABLE run_document_chunks (
        account_id text NOT NULL,
        run_id text NOT NULL,
        chunk integer NOT NULL,
        body bytea NOT NULL,
        PRIMARY KEY (account_id, run_id, chunk),
        FOREIGN KEY (account_id, run_id) REFERENCES runs (account_id, id) ON DELETE CASCADE
      );
      ALTER TABLE run_document_chunks ALTER COLUMN body SET STORAGE EXTERNAL;
      ALTER TABLE run_documents ADD COLUMN body_chunk integer, ADD COLUMN body_part integer
    `,
  },
  {
    id: 17,
    name: "a run's document rows removed by a trigger on the run's delete, not checked on insert",
    // The foreign key checked its run for every row written: a test run of 9,092 records
    // writes 18,184 rows, and on embedded PGlite the checks were a third of their COPY.
    // Rows are only written for a run that exists (the recorder starts after the run's
    // insert and finishes before its end). What the key's cascade did, the trigger does,
    // once per statement: any statement that deletes runs, also from a server of the
    // version before (which still relies on the cascade), deletes their rows with them.
    sql: [
      'ALTER TABLE run_documents DROP CONSTRAINT run_documents_account_id_run_id_fkey',
      `CREATE FUNCTION run_documents_of_deleted_runs() RETURNS trigger
         LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
       BEGIN
         DELETE FROM run_documents d USING deleted_runs r
          WHERE d.account_id = r.account_id AND d.run_id = r.id;
         RETURN NULL;
       END $$`,
      `CREATE TRIGGER runs_delete_documents AFTER DELETE ON runs
         REFERENCING OLD TABLE AS deleted_runs FOR EACH STATEMENT
         EXECUTE FUNCTION run_documents_of_deleted_runs()`,
    ],
  },
  {
    id: 18,
    name: 'a deployment keeps what it listens on, so a call finds it by an index',
    // A listener call looked through every active deployment's document in the
    // environment, before checking any credential: anonymous calls cost the database
    // work in proportion to what every account deployed. '' is "listens on nothing";
    // NULL is a row from a server of the version before, still looked through.
    sql: [
      'ALTER TABLE deployments ADD COLUMN listen_key text',
      `UPDATE deployments d SET listen_key = COALESCE((
         SELECT CASE WHEN s.value#>>'{config,listener,kind}' = 'connect-webhook' THEN 'POST'
                     ELSE s.value#>>'{config,listener,method}' END
                || ' ' || (s.value#>>'{config,listener,path}')
         FROM process_revisions r, jsonb_each(r.document->'shapes') s
         WHERE r.account_id = d.account_id AND r.process_id = d.process_id
           AND r.revision = d.revision
           AND s.value->>'kind' = 'start' AND s.value#>>'{config,mode}' = 'listen'
         LIMIT 1), '')`,
      `CREATE INDEX deployments_listening ON deployments (environment_id, listen_key)
         WHERE active`,
    ],
  },
];

/**
 * The advisory lock that serializes migrations: its first key is fixed, its second the
 * schema's name, so servers sharing a schema take turns while other schemas (test runs
 * on one server) migrate side by side.
 */
export const MIGRATION_LOCK_KEY = 0x4a_75_6e_63; // "Junc"
export const MIGRATION_LOCK_SQL = 'SELECT pg_advisory_xact_lock($1, hashtext($2))';

/**
 * Applies the pending migrations in one transaction under the advisory lock. Servers
 * starting together on an empty database would otherwise all see "nothing applied"
 * and all create the same tables; with the lock, the first applies everything and
 * the others wait, then find nothing left to do. The lock is released with the
 * transaction, also when a migration fails (nothing of the run is kept then).
 * PGlite is one embedded connection: the lock is always free there and costs nothing.
 */
export async function migrate(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    const [{ schema } = { schema: 'public' }] = await tx.query<{ schema: string }>(
      'SELECT current_schema() AS schema',
    );
    await tx.query(MIGRATION_LOCK_SQL, [MIGRATION_LOCK_KEY, schema]);
    await tx.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (id integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const applied = new Set(
      (await tx.query<{ id: number }>('SELECT id FROM schema_migrations')).map((r) => r.id),
    );
    for (const m of MIGRATIONS.filter((m) => !applied.has(m.id))) {
      await apply(tx, m);
    }
  });
}

async function apply(tx: Queryable, m: Migration): Promise<void> {
  const statements =
    typeof m.sql === 'string'
      ? m.sql
          .split(';')
          .map((s) => s.trim())
          .filter(Boolean)
      : m.sql;
  for (const statement of statements) {
    await tx.query(statement);
  }
  await tx.query('INSERT INTO schema_migrations (id, name) VALUES ($1, $2)', [m.id, m.name]);
}
