import { JsonDocument } from '../json-document.ts';
import { onDefaultPort } from '../single-port.ts';
import type { RunDocument, ShapeHandler, ShapeResult } from '../types.ts';
import { runConnectorOperation } from './connector.ts';

/**
 * Start's Get reads through an internal seed document that no shape ever emits or
 * records; the records it returns are the run's first documents, so they name no
 * parent (a parent id would lead to a document the run does not hold). Each record
 * is orphaned once: the copy handed to the listener early is the one the result holds.
 */
function withoutSeedParent(seedId: string) {
  const orphans = new WeakMap<RunDocument, RunDocument>();
  const orphan = (doc: RunDocument) => {
    if (doc.parentId !== seedId) {
      return doc;
    }
    let made = orphans.get(doc);
    if (!made) {
      made = JsonDocument.withoutParent(doc);
      orphans.set(doc, made);
    }
    return made;
  };
  return {
    docs: (docs: readonly RunDocument[]) => docs.map(orphan),
    result: (result: ShapeResult): ShapeResult => ({
      ...result,
      outputs: new Map([...result.outputs].map(([port, docs]) => [port, docs.map(orphan)])),
    }),
  };
}

/**
 * Start makes the first batch: one empty document (No Data), the records a
 * connector Get returns, or the documents handed in (Data Passthrough, a listener's
 * call, test input).
 */
export const startHandler: ShapeHandler<'start'> = {
  async run(shape, _inputs, ctx) {
    if (ctx.startDocuments) {
      return onDefaultPort(ctx.startDocuments);
    }
    switch (shape.config.mode) {
      case 'no-data':
      case 'passthrough':
      // A listener run brings its call as start documents; run by hand, it has none.
      case 'listen':
        return onDefaultPort([{ id: ctx.newDocumentId(), data: '', properties: {} }]);
      case 'connector': {
        const seed = { id: ctx.newDocumentId(), data: '', properties: {} };
        const orphaned = withoutSeedParent(seed.id);
        const { emitting, withdrawing } = ctx;
        const result = await runConnectorOperation(
          shape.config.operation,
          [seed],
          emitting && withdrawing
            ? {
                ...ctx,
                emitting: (port, docs) => emitting(port, orphaned.docs(docs)),
                withdrawing: (docs) => withdrawing(orphaned.docs(docs)),
              }
            : ctx,
        );
        return orphaned.result(result);
      }
    }
  },
};
