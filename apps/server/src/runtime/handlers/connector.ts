import {
  type ConnectorConfig,
  type ConnectorOperation,
  isInboundConnectAction,
} from '@junction/process-model';
import { resolveParameters } from '../parameters.ts';
import type {
  ConnectorRequest,
  RunContext,
  RunDocument,
  ShapeHandler,
  ShapeResult,
} from '../types.ts';
import { enforceInboundLimit, perDocumentCalls } from './connector-calls.ts';
import { runPlatformOperation } from './platform-connector.ts';

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
 * Runs a connector shape's operation once per input document: a CloudBlue Connect
 * operation through the connector gateway, a Platform API one through the
 * platform gateway. Get-type actions emit the records they read in place of the
 * input; send-type actions emit the response (see perDocumentCalls for errors).
 */
export async function runConnectorOperation(
  op: ConnectorConfig,
  inputs: RunDocument[],
  ctx: RunContext,
): Promise<ShapeResult> {
  if (op.connector === 'junction-platform') {
    return runPlatformOperation(op, inputs, ctx);
  }
  const inbound = isInboundConnectAction(op.action as never);
  const limit = inbound ? ctx.execution.documentsPerInbound : undefined;
  const result = await perDocumentCalls(inputs, ctx, op.returnApplicationErrors, (doc) => {
    const params = resolveParameters(op.parameters, doc, ctx);
    const request = requestFor(op, doc, params);
    // One record past the limit is enough to know it is exceeded; don't page through the rest.
    if (limit !== undefined) {
      request.maxRecords = Math.min(request.maxRecords ?? Number.POSITIVE_INFINITY, limit + 1);
    }
    return ctx.connectors.execute(op, request, ctx.signal);
  });
  return inbound ? enforceInboundLimit(result, ctx) : result;
}

export const connectorHandler: ShapeHandler<'connector'> = {
  run: (shape, inputs, ctx) => runConnectorOperation(shape.config, inputs, ctx),
};
