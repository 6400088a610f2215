import type { Database, Queryable } from '../src/db/database.ts';

let prepared = 0;

/** A parameter written as a literal: EXECUTE takes no bound parameters. */
function literal(value: unknown): string {
  if (Array.isArray(value)) {
    return `ARRAY[${value.map(literal).join(', ')}]`;
  }
  return typeof value === 'number' ? String(value) : `'${String(value).replaceAll("'", "''")}'`;
}

/**
 * Pages a statement touched when run (EXPLAIN ANALYZE's buffer counts), and its rows,
 * under the generic plan a connection caches once it has run a statement a few times:
 * a plan that suits the parameters at hand may not be the one kept. With `grow`, the
 * plan is made first and kept while `grow` fills the tables, as a connection keeps
 * the plan it made when the tables were small. All of it runs in a transaction that
 * is rolled back, so a statement that writes (and `grow`) changes nothing.
 */
export async function pagesOf(
  db: Database,
  sql: string,
  params: unknown[],
  types: string,
  grow?: (tx: Queryable) => Promise<void>,
): Promise<{ pages: number; rows: number | undefined }> {
  let measured: { pages: number; rows: number | undefined } | undefined;
  await db
    .transaction(async (tx) => {
      const name = `plan_pages_${++prepared}`;
      await tx.query('SET LOCAL plan_cache_mode = force_generic_plan');
      await tx.query(`PREPARE ${name}(${types}) AS ${sql}`);
      const execute = `EXECUTE ${name}(${params.map(literal).join(', ')})`;
      if (grow) {
        await tx.query(`EXPLAIN ${execute}`); // makes the generic plan, and keeps it
        await grow(tx);
      }
      const [row] = await tx.query<{ 'QUERY PLAN': unknown }>(
        `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${execute}`,
      );
      await tx.query(`DEALLOCATE ${name}`);
      const raw = row?.['QUERY PLAN'];
      const [{ Plan: plan }] = (typeof raw === 'string' ? JSON.parse(raw) : raw) as [
        { Plan: Record<string, number> },
      ];
      measured = {
        pages: (plan['Shared Hit Blocks'] ?? 0) + (plan['Shared Read Blocks'] ?? 0),
        rows: plan['Actual Rows'],
      };
      throw ROLLBACK;
    })
    .catch((error) => {
      if (error !== ROLLBACK) {
        throw error;
      }
    });
  if (!measured) {
    throw new Error('the statement was not measured');
  }
  return measured;
}

const ROLLBACK = new Error('rolled back on purpose');
