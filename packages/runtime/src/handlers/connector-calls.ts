import { deriveDocument, deriveJsonDocument } from '../documents.ts';
import { processError } from '../halt.ts';
import { isExactJson } from '../json-document.ts';
import { META } from '../properties.ts';
import { recordBatches } from '../record-pages.ts';
import { DEFAULT_PORT, onDefaultPort } from '../single-port.ts';
import {
  ConnectorCallError,
  type ConnectorRecords,
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
 *
 * For an `inbound` action (List, Get, Query…) Test mode's limit on the documents one
 * inbound connector brings in (process-semantics.md §9.3) stops the shape as soon as
 * its outputs pass it, mid-page-stream: counted only at the end, a run with many
 * inputs read, held and stored up to limit + 1 records for each first.
 */
export async function perDocumentCalls(
  inputs: readonly RunDocument[],
  ctx: RunContext,
  returnApplicationErrors: boolean,
  /** `maxRecords`: one past the limit, when there is one; a call may ask for no more. */
  call: (doc: RunDocument, maxRecords: number | undefined) => Promise<ConnectorRecords>,
  inbound: boolean,
): Promise<ShapeResult> {
  const limit = inbound ? ctx.execution.documentsPerInbound : undefined;
  const maxRecords = limit === undefined ? undefined : limit + 1;
  const over = (count: number) => limit !== undefined && count > limit;
  const outputs: RunDocument[] = [];
  const errors: DocumentError[] = [];
  for (const doc of inputs) {
    let made: RunDocument[] = [];
    let exceeded = false;
    try {
      // Pages a gateway sent unparsed are parsed here, on the engine's thread, each
      // while the next is fetched.
      for await (const batch of recordBatches(await call(doc, maxRecords))) {
        // One record past the limit shows it is passed: no more are made or handed on
        // (a gateway that cannot stop early, the Platform API's, returns them all).
        const room = limit === undefined ? batch.length : limit + 1 - outputs.length - made.length;
        const records = batch.length <= room ? batch : batch.slice(0, room);
        // Records arrive parsed: keep each value beside its text (Map, Decision… then
        // need not parse it again) when it reads back the same from that text.
        const keep = isExactJson(records);
        const first = made.length;
        for (let i = 0; i < records.length; i++) {
          const record = records[i];
          made.push(
            keep
              ? deriveJsonDocument(doc, record, ctx)
              : deriveDocument(doc, JSON.stringify(record), ctx),
          );
        }
        // The listener may store them while the next page comes; a later failure withdraws them.
        ctx.emitting?.(DEFAULT_PORT, made.slice(first));
        if (over(outputs.length + made.length)) {
          // Leaving the loop stops the paging; the shape fails below.
          exceeded = true;
          break;
        }
      }
      // A call that fails part-way fails its document: none of its records go on.
      for (const output of made) {
        outputs.push(output);
      }
    } catch (error) {
      if (ctx.signal.aborted) {
        throw error;
      }
      // Said now, so the listener lets them go before the next call brings more.
      ctx.withdrawing?.(made);
      made = [];
      if (
        error instanceof ConnectorCallError &&
        error.kind === 'application' &&
        returnApplicationErrors
      ) {
        const answer = deriveDocument(
          doc,
          JSON.stringify(error.body ?? { message: error.message }),
          ctx,
          {
            ...doc.properties,
            [META.applicationStatusCode]: String(error.statusCode ?? ''),
            [META.applicationStatusMessage]: error.message,
          },
        );
        // Emitted too: every output is, so what was stored early keeps the outputs' order.
        ctx.emitting?.(DEFAULT_PORT, [answer]);
        outputs.push(answer);
      } else {
        errors.push({ document: doc, message: (error as Error).message });
      }
    }
    if (limit !== undefined && (exceeded || over(outputs.length))) {
      throw inboundLimitReached(limit);
    }
  }
  return onDefaultPort(outputs, errors);
}

/**
 * Test mode keeps runs small (process-semantics.md §9.3): an inbound connector
 * shape that brings in more documents than the limit stops the run, saying how
 * to narrow it, instead of quietly dropping the rest.
 */
function inboundLimitReached(limit: number): Error {
  return processError(
    `Test mode stops at ${limit.toLocaleString('en')} documents from one inbound connector; this one read more. Narrow it with parameters, or raise JUNCTION_TEST_MAX_DOCUMENTS.`,
  );
}
