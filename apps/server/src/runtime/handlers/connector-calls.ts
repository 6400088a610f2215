import { deriveDocument } from '../documents.ts';
import { META } from '../properties.ts';
import { onDefaultPort } from '../single-port.ts';
import {
  ConnectorCallError,
  type DocumentError,
  type RunContext,
  type RunDocument,
  type ShapeResult,
} from '../types.ts';

/**
 * Runs a connector call once per input document, for either connector. The records
 * a call returns become documents made from the input; an application error (an
 * API error answer) becomes the output document when "Return Application Error
 * Responses" is on; any other failure fails the document.
 */
export async function perDocumentCalls(
  inputs: readonly RunDocument[],
  ctx: RunContext,
  returnApplicationErrors: boolean,
  call: (doc: RunDocument) => Promise<unknown[]>,
): Promise<ShapeResult> {
  const outputs: RunDocument[] = [];
  const errors: DocumentError[] = [];
  for (const doc of inputs) {
    try {
      const records = await call(doc);
      for (const record of records) {
        outputs.push(deriveDocument(doc, JSON.stringify(record), ctx));
      }
    } catch (error) {
      if (ctx.signal.aborted) {
        throw error;
      }
      if (
        error instanceof ConnectorCallError &&
        error.kind === 'application' &&
        returnApplicationErrors
      ) {
        outputs.push(
          deriveDocument(doc, JSON.stringify(error.body ?? { message: error.message }), ctx, {
            ...doc.properties,
            [META.applicationStatusCode]: String(error.statusCode ?? ''),
            [META.applicationStatusMessage]: error.message,
          }),
        );
      } else {
        errors.push({ document: doc, message: (error as Error).message });
      }
    }
  }
  return onDefaultPort(outputs, errors);
}
