import { appendAll } from '../append.ts';
import type { ShapeHandler } from '../types.ts';

/**
 * Return Documents (§3.4): terminal; keeps every document that reaches it under
 * its label until the process has finished, then the caller (Process Call) gets
 * them all together on the path of that label.
 */
export const returnDocumentsHandler: ShapeHandler<'return-documents'> = {
  async run(shape, inputs, ctx) {
    const label = shape.config.label;
    // Appended in place: documents that arrive one at a time (after a Flow Control)
    // would otherwise copy everything kept so far at each arrival, quadratic in them.
    let kept = ctx.returned.get(label);
    if (kept === undefined) {
      kept = [];
      ctx.returned.set(label, kept);
    }
    appendAll(kept, inputs);
    return { outputs: new Map(), errors: [] };
  },
};
