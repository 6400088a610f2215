import { appendAll } from '../append.ts';
import type { DocumentError, RunDocument, ShapeHandler } from '../types.ts';

/** Splits `docs` into `n` groups, the first ones one larger (9 docs, 2 units → 5 and 4). */
function groups(docs: RunDocument[], n: number): RunDocument[][] {
  const size = Math.ceil(docs.length / n);
  const out: RunDocument[][] = [];
  for (let i = 0; i < docs.length; i += size) {
    out.push(docs.slice(i, i + size));
  }
  return out;
}

function chunks(docs: RunDocument[], size: number): RunDocument[][] {
  const out: RunDocument[][] = [];
  for (let i = 0; i < docs.length; i += size) {
    out.push(docs.slice(i, i + size));
  }
  return out;
}

/**
 * Flow Control (§3.4): reruns the rest of the path per document or per batch of
 * `batchSize`, and with more than one parallel unit splits the documents into that
 * many groups that run concurrently (each a "fiber"); the shape waits for all.
 * Parallelism is off in Test mode, as in Boomi.
 */
export const flowControlHandler: ShapeHandler<'flow-control'> = {
  async run(_shape, inputs) {
    return { outputs: new Map([['default', inputs]]), errors: [] };
  },
  async paths(shape, result, runPath, ctx) {
    const { batching, batchSize, parallelUnits } = shape.config;
    const docs = result.outputs.get('default') ?? [];
    let units = Math.min(10, Math.max(1, Math.floor(parallelUnits)));
    if (units > 1 && ctx.execution.testMode) {
      ctx.log('info', 'Parallel processing is disabled in Test mode; running in one unit.');
      units = 1;
    }
    const runGroup = async (group: RunDocument[]) => {
      const size =
        batching === 'per-document'
          ? 1
          : batching === 'batch'
            ? Math.max(1, Math.floor(batchSize))
            : group.length;
      const errors: DocumentError[] = [];
      for (const batch of chunks(group, size)) {
        appendAll(errors, await runPath('default', batch));
      }
      return errors;
    };
    if (units === 1) {
      return runGroup(docs);
    }
    // allSettled, so no fiber is still running when a failure in another unwinds the run.
    const settled = await Promise.allSettled(groups(docs, units).map(runGroup));
    const failed = settled.find((r) => r.status === 'rejected');
    if (failed) {
      throw failed.reason;
    }
    return settled.flatMap((r) => (r.status === 'fulfilled' ? r.value : []));
  },
};
