import { deriveDocument } from '../documents.ts';
import { renderTemplate } from '../message-template.ts';
import { parameterValue } from '../parameters.ts';
import { onDefaultPort } from '../single-port.ts';
import type { RunDocument, ShapeHandler } from '../types.ts';

/** Boomi limits a parameter used as a message variable to 5 MB. */
const MAX_VARIABLE_BYTES = 5 * 1024 * 1024;

/**
 * Message (§3.3): replaces each document's data with the rendered text. With
 * "combine" the batch becomes one document whose current data is the batch's
 * data joined by newlines and whose properties are the first document's.
 */
export const messageHandler: ShapeHandler<'message'> = {
  async run(shape, inputs, ctx) {
    const { text, parameters, jsonSafe, combineDocuments } = shape.config;
    const render = (doc: RunDocument) => {
      const values = parameters.map((p) => parameterValue(p, doc, ctx));
      if (values.some((v) => Buffer.byteLength(v) > MAX_VARIABLE_BYTES)) {
        throw new Error('A message variable is larger than 5 MB.');
      }
      return renderTemplate(text, values, jsonSafe);
    };
    const first = inputs[0];
    if (combineDocuments && first) {
      const combined: RunDocument = { ...first, data: inputs.map((d) => d.data).join('\n') };
      return onDefaultPort([deriveDocument(first, render(combined), ctx)]);
    }
    const outputs: RunDocument[] = [];
    const errors = [];
    for (const doc of inputs) {
      try {
        outputs.push({ ...doc, data: render(doc), properties: { ...doc.properties } });
      } catch (error) {
        errors.push({ document: doc, message: `Message: ${(error as Error).message}` });
      }
    }
    return onDefaultPort(outputs, errors);
  },
};
