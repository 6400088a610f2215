import { parseFieldPath, readPath, writePath } from '../field-path.ts';
import { onDefaultPort } from '../single-port.ts';
import type { DocumentError, RunDocument, ShapeHandler } from '../types.ts';
import { compileJsonata, evaluateJsonata } from './jsonata-eval.ts';

/**
 * Map (process-semantics.md §3.3): builds a new document from each input — the
 * JSONata expression's result (or `{}`), then each row copies a source field onto
 * it. A document that is not JSON, an expression error, or no output at all fails
 * that document only. Properties read inside the map are those the document
 * entered with, as in Boomi.
 */
export const mapHandler: ShapeHandler<'map'> = {
  async run(shape, inputs, ctx) {
    const { expression, mappings } = shape.config;
    const compiled = expression.trim() === '' ? undefined : compileJsonata(expression);
    const rows = mappings.map((row) => ({
      from: parseFieldPath(row.from),
      to: parseFieldPath(row.to),
      row,
    }));
    const outputs: RunDocument[] = [];
    const errors: DocumentError[] = [];
    for (const doc of inputs) {
      try {
        const source: unknown = doc.data.trim() === '' ? {} : JSON.parse(doc.data);
        let target: unknown = compiled ? await evaluateJsonata(compiled, source, doc, ctx) : {};
        for (const { from, to, row } of rows) {
          if (!from || !to) {
            throw new Error(`Mapping row "${row.from}" → "${row.to}" has an invalid field path.`);
          }
          const value = readPath(source, from);
          // Like Boomi, a missing source field produces no target field.
          if (value !== undefined) {
            target = writePath(target, to, value);
          }
        }
        if (target === undefined) {
          throw new Error('The map produced no output.');
        }
        outputs.push({ ...doc, data: JSON.stringify(target), properties: { ...doc.properties } });
      } catch (error) {
        errors.push({ document: doc, message: `Map: ${(error as Error).message}` });
      }
    }
    return onDefaultPort(outputs, errors);
  },
};
