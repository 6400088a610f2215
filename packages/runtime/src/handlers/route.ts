import { outputPorts } from '@junction/process-model';
import { comparerFor } from '../compare.ts';
import { parameterValue } from '../parameters.ts';
import type { DocumentError, RunDocument, ShapeHandler } from '../types.ts';

/**
 * Route (§3.4): per document, the Route By value is compared with each key in
 * order; the first match picks the path, no match goes to Default. Paths then run
 * in key order with Default last (the port order). An invalid regex fails the
 * document.
 */
export const routeHandler: ShapeHandler<'route'> = {
  async run(shape, inputs, ctx) {
    const { value, operator } = shape.config;
    const ports = outputPorts(shape).map((p) => p.id);
    const keys = ports.filter((id) => id !== 'default');
    const outputs = new Map<string, RunDocument[]>(ports.map((id) => [id, []]));
    const errors: DocumentError[] = [];
    for (const doc of inputs) {
      try {
        const matches = comparerFor(parameterValue(value, doc, ctx), operator);
        const port = keys.find(matches) ?? 'default';
        outputs.get(port)?.push(doc);
      } catch (error) {
        errors.push({ document: doc, message: `Route: ${(error as Error).message}` });
      }
    }
    return { outputs, errors };
  },
};
