import type { ShapeHandler } from '../types.ts';

/**
 * Return Documents (§3.4): terminal; keeps every document that reaches it under
 * its label until the process has finished, then the caller (Process Call) gets
 * them all together on the path of that label.
 */
export const returnDocumentsHandler: ShapeHandler<'return-documents'> = {
  async run(shape, inputs, ctx) {
    const label = shape.config.label;
    ctx.returned.set(label, [...(ctx.returned.get(label) ?? []), ...inputs]);
    return { outputs: new Map(), errors: [] };
  },
};
