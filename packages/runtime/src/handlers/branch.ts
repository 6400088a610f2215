import { outputPorts } from '@junction/process-model';
import { appendAll } from '../append.ts';
import { copyDocument } from '../documents.ts';
import type { DocumentError, RunDocument, ShapeHandler } from '../types.ts';

/**
 * Branch (§3.4): every document goes down every path, as its own copy, so data
 * and document-property changes on path 1 are invisible on path 2 (process
 * properties are shared). Paths run one after another, each to completion, and a
 * document that failed on an earlier path (itself or anything made from it) does
 * not go down the later ones.
 */
export const branchHandler: ShapeHandler<'branch'> = {
  async run(shape, inputs) {
    return {
      outputs: new Map(
        outputPorts(shape).map((port) => [port.id, inputs.map((d) => copyDocument(d))]),
      ),
      errors: [],
    };
  },
  readsLineage: true,
  async paths(shape, result, runPath, ctx) {
    const errors: DocumentError[] = [];
    const failed = (doc: RunDocument) =>
      errors.some((e) => ctx.isDerivedFrom(e.document.id, doc.id));
    for (const port of outputPorts(shape)) {
      const docs = (result.outputs.get(port.id) ?? []).filter((doc) => !failed(doc));
      appendAll(errors, await runPath(port.id, docs));
    }
    return errors;
  },
};
