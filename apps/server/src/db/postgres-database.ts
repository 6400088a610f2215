import { userInfo } from 'node:os';
import pg from 'pg';
import type { Database, Queryable } from './database.ts';
import { MIGRATION_LOCK_KEY, MIGRATION_LOCK_SQL } from './migrations.ts';
import { listenOnPostgres } from './postgres-listen.ts';

/**
 * Like libpq: a URL without a user (and no PGUSER) connects as the operating
 * system user, even where $USER is not set (CI runners, service managers). pg
 * lets the URL override separate options, so the user goes into the URL.
 */
export function withDefaultUser(url: string): string {
  const parsed = new URL(url);
  if (parsed.username || process.env['PGUSER']) {
    return url;
  }
  parsed.username = userInfo().username;
  return parsed.toString();
}

/**
 * CREATE SCHEMA IF NOT EXISTS is not safe against itself: two servers creating the
 * same schema at once, one fails on pg_namespace's unique index. The migration lock
 * on that schema's name makes them take turns.
 */
async function createSchema(pool: pg.Pool, schema: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(MIGRATION_LOCK_SQL, [MIGRATION_LOCK_KEY, schema]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

/** Statement texts given a name at most: a text built per call (an IN list) must not grow them without end. */
const MAX_PREPARED = 512;

/**
 * Names for statement texts, so each connection parses and plans one once and then
 * only binds it: PostgreSQL spent about as long parsing and binding the run path's
 * small statements as executing them. Texts past MAX_PREPARED go unnamed, as before.
 * A text whose prepared form went stale (`forget`) is never named again.
 */
function preparedNames() {
  const named = new Map<string, string | null>();
  return {
    nameOf(sql: string): string | undefined {
      let name = named.get(sql);
      if (name === undefined && named.size < MAX_PREPARED) {
        name = `junction_${named.size}`;
        named.set(sql, name);
      }
      return name ?? undefined;
    },
    forget(sql: string) {
      named.set(sql, null);
    },
  };
}

/**
 * A table a prepared statement reads changed shape under it (another server migrated
 * the schema): PostgreSQL refuses to run the stale plan rather than re-plan it.
 */
function isStalePlan(error: unknown): boolean {
  return (
    error instanceof Error &&
    (error as { code?: string }).code === '0A000' &&
    error.message.includes('cached plan must not change result type')
  );
}

/**
 * A PostgreSQL server (DATABASE_URL). `schema` isolates one app instance's tables,
 * which lets test suites share the server without seeing each other's rows.
 */
export async function openPostgresDatabase(url: string, schema?: string): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: withDefaultUser(url),
    max: 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  if (schema) {
    await createSchema(pool, schema);
  }
  const names = preparedNames();
  const wrap = (q: { query: pg.Pool['query'] }): Queryable => ({
    async query<T>(sql: string, params: unknown[] = []) {
      const name = names.nameOf(sql);
      if (name === undefined) {
        return (await q.query(sql, params)).rows as T[];
      }
      try {
        return (await q.query({ name, text: sql, values: params })).rows as T[];
      } catch (error) {
        if (!isStalePlan(error)) {
          throw error;
        }
        // Nothing ran; unnamed, it is planned afresh (inside a transaction, the
        // failure has aborted it, and this fails as the caller's statement would).
        names.forget(sql);
        return (await q.query(sql, params)).rows as T[];
      }
    },
  });
  return {
    kind: 'postgres',
    schema: schema ?? 'public',
    ...wrap(pool),
    async exec(script) {
      // The simple protocol runs every statement of the script on one connection. A
      // script that fails after its own BEGIN leaves that transaction open and aborted:
      // rolled back here, so the connection goes back to the pool clean.
      const client = await pool.connect();
      try {
        const result = (await client.query(script)) as unknown as pg.QueryResult | pg.QueryResult[];
        return (Array.isArray(result) ? result : [result]).flatMap((r) => r.rows ?? []);
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    listen: (channel, onPayload, onReconnect) =>
      listenOnPostgres(withDefaultUser(url), channel, onPayload, onReconnect),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client as unknown as pg.Pool));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
