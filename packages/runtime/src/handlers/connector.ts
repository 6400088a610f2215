import {
  type ConnectorConfig,
  type ConnectorOperation,
  connectOperationParameters,
  connectorSummary,
  connectParameterPlace,
  connectParametersText,
  isInboundConnectAction,
} from '@junction/process-model';
import { documentJsonOr } from '../json-document.ts';
import { resolveParameters } from '../parameters.ts';
import type {
  ConnectorRequest,
  RunContext,
  RunDocument,
  ShapeHandler,
  ShapeResult,
} from '../types.ts';
import { perDocumentCalls } from './connector-calls.ts';
import { runPlatformOperation } from './platform-connector.ts';

/** One document's parameters sorted by where the catalog says each goes. */
interface RoutedParameters {
  path: Map<string, string>;
  filters: [string, string][];
  query: Map<string, string>;
  body: [string, string][];
}

/**
 * Sorts the parameters by the catalog. A name the operation does not take fails the document:
 * ignoring it is how a List given `id` once returned every record (validation says so earlier).
 */
function routeParameters(op: ConnectorOperation, params: Map<string, string>): RoutedParameters {
  const accepted = connectOperationParameters(op.action, op.object);
  const summary = connectorSummary(op);
  if (!accepted) {
    throw new Error(`${summary}: Connect has no operation "${op.action}" on "${op.object}".`);
  }
  const routed: RoutedParameters = {
    path: new Map(),
    filters: [],
    query: new Map(),
    body: [],
  };
  for (const [name, value] of params) {
    const place = connectParameterPlace(accepted, name);
    if (place === undefined) {
      throw new Error(
        `${summary} ${connectParametersText(accepted)}; '${name}' is not one of its parameters.`,
      );
    }
    if (place === 'filter') {
      routed.filters.push([name, value]);
    } else if (place === 'body') {
      routed.body.push([name, value]);
    } else {
      routed[place].set(name, value);
    }
  }
  return routed;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The body of a send action: the document's JSON with each body parameter set as a top-level
 * field over it, as the Partner API connector does.
 */
function sendBody(op: ConnectorOperation, doc: RunDocument, fields: [string, string][]): unknown {
  const body: unknown = documentJsonOr(doc, undefined);
  if (fields.length === 0) {
    return body;
  }
  if (body !== undefined && !isRecord(body)) {
    throw new Error(
      `${connectorSummary(op)} sets ${fields.map(([name]) => name).join(', ')} on the document, which is not a JSON object.`,
    );
  }
  return { ...(body ?? {}), ...Object.fromEntries(fields) };
}

function requestFor(
  op: ConnectorOperation,
  doc: RunDocument,
  params: Map<string, string>,
): ConnectorRequest {
  const routed = routeParameters(op, params);
  const maxRecords = routed.query.get('maxRecords');
  const request: ConnectorRequest = {
    id: routed.path.get('id'),
    parentId: routed.path.get('parentId'),
    // `id` included: the client ANDs eq(id,…) with the raw RQL, and an empty value matches
    // only empty fields, so a List whose id was not found returns nothing rather than all.
    // fromEntries, not assignment: a parameter named __proto__ stays a plain field.
    equals: routed.filters.length > 0 ? Object.fromEntries(routed.filters) : undefined,
    filter: routed.query.get('filter') || undefined,
    maxRecords: maxRecords === undefined ? undefined : Number(maxRecords),
  };
  if (!isInboundConnectAction(op.action as never)) {
    const body = sendBody(op, doc, routed.body);
    request.body = body;
    request.id ??= isRecord(body) && typeof body['id'] === 'string' ? body['id'] : undefined;
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
  return perDocumentCalls(
    inputs,
    ctx,
    op.returnApplicationErrors,
    (doc, maxRecords) => {
      const params = resolveParameters(op.parameters, doc, ctx);
      const request = requestFor(op, doc, params);
      // One record past the limit is enough to know it is exceeded; don't page through the rest.
      if (maxRecords !== undefined) {
        request.maxRecords = Math.min(request.maxRecords ?? Number.POSITIVE_INFINITY, maxRecords);
      }
      return ctx.connectors.execute(op, request, ctx.signal);
    },
    isInboundConnectAction(op.action as never),
  );
}

export const connectorHandler: ShapeHandler<'connector'> = {
  run: (shape, inputs, ctx) => runConnectorOperation(shape.config, inputs, ctx),
};
