import { onDefaultPort } from '../single-port.ts';
import type { ShapeHandler } from '../types.ts';
import { runConnectorOperation } from './connector.ts';

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
        return runConnectorOperation(shape.config.operation, [seed], ctx);
      }
    }
  },
};
