import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { PgBoss } from 'pg-boss';
import { withDefaultUser } from '../../apps/server/src/db/postgres-database.ts';
import { createStatementBatcher } from '../../apps/server/src/db/statement-batcher.ts';
import { type Load, load } from './server.ts';

const QUEUE = 'floor';
/** Jobs held at once, and at most per fetch, as `junction worker --concurrency 64` does. */
const HELD = 64;
const MAX_FETCH = 32;

/**
 * The queue's own floor for target 1: `clients` clients each queue a job and wait
 * until a worker loop in the same process has fetched and completed it, for
 * `windowMs`. Sends and completes of one moment share a statement, and fetches take
 * what fits, as Junction's start transaction and job feed do; there is no HTTP, no
 * run record, no event and no document. What an execution costs beyond this is
 * Junction's own.
 */
export async function queueFloor(
  databaseUrl: string,
  clients: number,
  windowMs: number,
): Promise<Load> {
  const schema = `junction_bench_floor_${randomUUID().slice(0, 8)}`;
  const connectionString = withDefaultUser(databaseUrl);
  const boss = new PgBoss({ connectionString, schema, schedule: false, supervise: false });
  boss.on('error', (error) => console.error('bench: queue floor:', error));
  await boss.start();
  try {
    await boss.createQueue(QUEUE);
    const waiting = new Map<string, () => void>();
    const send = createStatementBatcher<null, string>({
      one: async () => (await boss.send(QUEUE, {})) ?? '',
      async many(items) {
        const jobs = items.map(() => ({ id: randomUUID(), data: {} }));
        await boss.insert(QUEUE, jobs);
        return jobs.map((job) => job.id);
      },
    });
    const complete = createStatementBatcher<string, void>({
      one: async (id) => {
        await boss.complete(QUEUE, id);
      },
      async many(ids) {
        await boss.complete(QUEUE, ids);
        return ids.map(() => undefined);
      },
    });
    let held = 0;
    let stopping = false;
    const worker = (async () => {
      while (!stopping) {
        const room = Math.min(HELD - held, MAX_FETCH);
        const jobs = room > 0 ? await boss.fetch(QUEUE, { batchSize: room }) : [];
        if (jobs.length === 0) {
          await new Promise((resolve) => setTimeout(resolve, 1));
          continue;
        }
        held += jobs.length;
        for (const job of jobs) {
          void complete(job.id).then(() => {
            held -= 1;
            waiting.get(job.id)?.();
          });
        }
      }
    })();
    const once = async () => {
      const id = await send(null);
      await new Promise<void>((resolve) => waiting.set(id, resolve));
      waiting.delete(id);
      return true;
    };
    await load(clients, once, 1_000); // warm-up: connections and plans
    const measured = await load(clients, once, windowMs);
    stopping = true;
    await worker;
    return measured;
  } finally {
    await boss.stop({ graceful: false });
    const client = new pg.Client({ connectionString });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
  }
}
