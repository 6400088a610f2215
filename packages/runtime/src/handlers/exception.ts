import { processError } from '../halt.ts';
import { renderTemplate } from '../message-template.ts';
import { parameterValue } from '../parameters.ts';
import type { RunDocument, ShapeHandler } from '../types.ts';

function exceptionMessage(title: string, text: string, rendered: string): string {
  if (title.trim() === '') {
    return rendered === '' ? 'Exception' : rendered;
  }
  return rendered === '' || text.trim() === '' ? title : `${title}: ${rendered}`;
}

/**
 * Exception (§3.4): ends the path with a user-defined error. "Continue other
 * documents" fails each arriving document (catchable by Try/Catch); "stop entire
 * process" is a process error built from the first document.
 */
export const exceptionHandler: ShapeHandler<'exception'> = {
  async run(shape, inputs, ctx) {
    const { title, text, parameters, stopEntireProcess } = shape.config;
    const messageFor = (doc: RunDocument) =>
      exceptionMessage(
        title,
        text,
        renderTemplate(
          text,
          parameters.map((p) => parameterValue(p, doc, ctx)),
          false,
        ),
      );
    const first = inputs[0];
    if (stopEntireProcess && first) {
      throw processError(messageFor(first));
    }
    return {
      outputs: new Map(),
      errors: inputs.map((doc) => ({ document: doc, message: messageFor(doc) })),
    };
  },
};
