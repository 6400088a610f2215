import { type ConnectorOperation, isInboundConnectAction } from '@junction/process-model';
import { deriveDocument } from '../documents.ts';
import { resolveParameters } from '../parameters.ts';
import { META } from '../properties.ts';
import { onDefaultPort } from '../single-port.ts';
import {
  ConnectorCallError,
  type ConnectorRequest,
  type DocumentError,
  type RunContext,
  type RunDocument,
  type ShapeHandler,
  type ShapeResult,
} from '../types.ts';

/** Parameters with a meaning of their own; any other name filters a list by equality. */
const RESERVED = new Set(['id', 'parentId', 'filter', 'maxRecords']);

function rqlValue(value: string): string {
  return /^[\w\-*+.:@ ]*$/.test(value) ? value : `"${value.replaceAll('"', '\\"')}"`;
}

function requestFor(
  op: ConnectorOperation,
  doc: RunDocument,
  params: Map<string, string>,
): ConnectorRequest {
  const filters = [...params]
    .filter(([name]) => !RESERVED.has(name))
    .map(([name, value]) => `eq(${name},${rqlValue(value)})`);
  const raw = params.get('filter');
  if (raw) {
    filters.push(raw);
  }
  const request: ConnectorRequest = {
    id: params.get('id'),
    parentId: params.get('parentId'),
    filter: filters.length > 0 ? filters.join('&') : undefined,
    maxRecords: params.has('maxRecords') ? Number(params.get('maxRecords')) : undefined,
  };
  if (!isInboundConnectAction(op.action as never)) {
    const body = doc.data.trim() === '' ? undefined : JSON.parse(doc.data);
    request.body = body;
    request.id ??= typeof body?.id === 'string' ? body.id : undefined;
  }
  return request;
}

/**
 * Runs the operation once per input document. Get-type actions emit the records
 * they read in place of the input; send-type actions emit the response. An
 * application error (an API error answer) becomes the output document when
 * "Return Application Error Responses" is on; otherwise the document fails.
 */
export async function runConnectorOperation(
  op: ConnectorOperation,
  inputs: RunDocument[],
  ctx: RunContext,
): Promise<ShapeResult> {
  const outputs: RunDocument[] = [];
  const errors: DocumentError[] = [];
  for (const doc of inputs) {
    try {
      const params = resolveParameters(op.parameters, doc, ctx);
      const records = await ctx.connectors.execute(op, requestFor(op, doc, params), ctx.signal);
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
        op.returnApplicationErrors
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

export const connectorHandler: ShapeHandler<'connector'> = {
  run: (shape, inputs, ctx) => runConnectorOperation(shape.config, inputs, ctx),
};
