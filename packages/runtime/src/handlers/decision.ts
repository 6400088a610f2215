import { compareValues } from '../compare.ts';
import { parameterValue } from '../parameters.ts';
import type { DocumentError, RunDocument, ShapeHandler } from '../types.ts';

/**
 * Decision (§3.4): one comparison per document (a missing value is ''); the True
 * path runs to completion with all its documents before the False path starts.
 * An invalid regex fails the document.
 */
export const decisionHandler: ShapeHandler<'decision'> = {
  async run(shape, inputs, ctx) {
    const { left, operator, right } = shape.config;
    const accepted: RunDocument[] = [];
    const rejected: RunDocument[] = [];
    const errors: DocumentError[] = [];
    // Indexed, here and in the other per-document loops: no iterator result per document.
    for (let i = 0; i < inputs.length; i++) {
      const doc = inputs[i] as RunDocument;
      try {
        const outcome = compareValues(
          parameterValue(left, doc, ctx),
          operator,
          parameterValue(right, doc, ctx),
        );
        (outcome ? accepted : rejected).push(doc);
      } catch (error) {
        errors.push({ document: doc, message: `Decision: ${(error as Error).message}` });
      }
    }
    return {
      outputs: new Map([
        ['true', accepted],
        ['false', rejected],
      ]),
      errors,
    };
  },
};
