import { own } from '@junction/process-model';
import { appendAll } from '../append.ts';
import { copyDocument } from '../documents.ts';
import { RunHalt } from '../halt.ts';
import { META } from '../properties.ts';
import type { DocumentError, PathRunner, RunContext, RunDocument, ShapeHandler } from '../types.ts';

/** Boomi's waits before retry 1..5 (process-semantics.md §3.4, conflict (a): the docs win). */
export const RETRY_DELAYS_MS = [0, 10_000, 30_000, 60_000, 120_000] as const;

interface Attempt {
  /** Failed source document id → the first error message seen for it. */
  failed: Map<string, string>;
  /** Errors on documents that cannot be traced to a source document (left uncaught). */
  escaped: DocumentError[];
}

async function attemptTry(
  batch: RunDocument[],
  catchAll: boolean,
  runPath: PathRunner,
  ctx: RunContext,
): Promise<Attempt> {
  const failed = new Map<string, string>();
  let errors: DocumentError[];
  try {
    errors = await runPath('try', batch);
  } catch (error) {
    // "All errors" also catches process errors: every document that entered goes to Catch.
    if (!catchAll || !(error instanceof RunHalt) || error.outcome !== 'error') {
      throw error;
    }
    for (const doc of batch) {
      failed.set(doc.id, error.message);
    }
    return { failed, escaped: [] };
  }
  const escaped: DocumentError[] = [];
  for (const error of errors) {
    const source = batch.find((doc) => ctx.isDerivedFrom(error.document.id, doc.id));
    if (!source) {
      escaped.push(error);
      continue;
    }
    ctx.markCaught([error]);
    if (!failed.has(source.id)) {
      failed.set(source.id, error.message);
    }
  }
  return { failed, escaped };
}

/**
 * Try/Catch (§3.4): documents go down Try; a document that fails there (itself or
 * anything made from it) is retried up to `retryCount` times on the Try path, then
 * goes down Catch as it entered the shape, with the Try/Catch Message property set.
 * Caught errors do not fail the run. "All errors" also catches process errors.
 */
export const tryCatchHandler: ShapeHandler<'try-catch'> = {
  async run(_shape, inputs) {
    return {
      outputs: new Map([
        ['try', inputs],
        ['catch', []],
      ]),
      errors: [],
    };
  },
  readsLineage: true,
  async paths(shape, result, runPath, ctx) {
    // Two Try/Catch shapes back to back: the outer one catches everything (§3.4).
    const next = ctx.process.connections.find(
      (c) => c.from.shape === ctx.shapeId && c.from.port === 'try',
    );
    const catchAll =
      shape.config.trigger === 'all' ||
      own(ctx.process.shapes, next?.to.shape ?? '')?.kind === 'try-catch';
    const retries =
      ctx.retryPolicy === 'skip'
        ? 0
        : Math.min(5, Math.max(0, Math.floor(shape.config.retryCount)));
    const escaped: DocumentError[] = [];
    let batch = result.outputs.get('try') ?? [];
    let failed = new Map<string, string>();
    for (let attempt = 0; batch.length > 0; attempt++) {
      const outcome = await attemptTry(batch, catchAll, runPath, ctx);
      appendAll(escaped, outcome.escaped);
      failed = outcome.failed;
      batch = batch.filter((doc) => failed.has(doc.id));
      if (batch.length === 0 || attempt >= retries) {
        break;
      }
      const delay = ctx.retryPolicy === 'backoff' ? (RETRY_DELAYS_MS[attempt] ?? 0) : 0;
      ctx.log(
        'info',
        `Retry ${attempt + 1} of ${retries} for ${batch.length} document(s) after ${delay / 1000} s.`,
      );
      await ctx.sleep(delay, ctx.signal);
    }
    const caught = batch.map((doc) =>
      copyDocument(doc, {
        properties: { ...doc.properties, [META.tryCatchMessage]: failed.get(doc.id) ?? '' },
      }),
    );
    for (const doc of caught) {
      ctx.log('warning', `Caught: ${doc.properties[META.tryCatchMessage]}`, doc.id);
    }
    return [...escaped, ...(await runPath('catch', caught))];
  },
};
