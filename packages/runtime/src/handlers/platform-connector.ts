import {
  ACCOUNT_OVERRIDE_PROPERTY,
  isGrouping,
  isInboundPlatformAction,
  isPlatformObject,
  type PlatformOperation,
  parameterReference,
  type QueryExpression,
  type QueryFilter,
} from '@junction/process-model';
import { processError } from '../halt.ts';
import { documentJsonOr } from '../json-document.ts';
import { resolveParameters } from '../parameters.ts';
import type { PlatformRequest, RunContext, RunDocument, ShapeResult } from '../types.ts';
import { perDocumentCalls } from './connector-calls.ts';

/**
 * The account a call acts in (process-semantics.md §11.1): the dynamic process
 * property `boomiPartnerApi-overrideAccountId` when set and not blank, else the
 * operation's Account ID field, else undefined (the connection's own account).
 */
export function effectiveAccount(op: PlatformOperation, ctx: RunContext): string | undefined {
  const override = ctx.processProperties.get(ACCOUNT_OVERRIDE_PROPERTY)?.trim();
  if (override) {
    return override;
  }
  const field = op.accountId.trim();
  return field === '' ? undefined : field;
}

/**
 * The filter with its values bound: an argument written `{name}` takes the value of
 * the operation's parameter `name` for this document ('' when there is none); any
 * other argument is sent as written.
 */
export function bindFilter(filter: QueryFilter, params: ReadonlyMap<string, string>): QueryFilter {
  const bind = (expression: QueryExpression): QueryExpression => {
    if (isGrouping(expression)) {
      return { ...expression, nestedExpression: expression.nestedExpression.map(bind) };
    }
    return {
      ...expression,
      argument: expression.argument.map((argument) => {
        const name = parameterReference(argument);
        return name === undefined ? argument : (params.get(name) ?? '');
      }),
    };
  };
  return { expression: bind(filter.expression) };
}

/** Names used by the request itself or by the filter; other parameters fill the body. */
function filterReferences(filter: QueryFilter | null): Set<string> {
  const names = new Set<string>(['id']);
  const visit = (expression: QueryExpression) => {
    if (isGrouping(expression)) {
      expression.nestedExpression.forEach(visit);
      return;
    }
    for (const argument of expression.argument) {
      const name = parameterReference(argument);
      if (name !== undefined) {
        names.add(name);
      }
    }
  };
  if (filter) {
    visit(filter.expression);
  }
  return names;
}

function documentBody(doc: RunDocument): unknown {
  try {
    return documentJsonOr(doc, undefined);
  } catch {
    throw new Error('The document is not JSON; the Platform API takes JSON documents.');
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * One document's request. Get/Update/Delete take the record id from the `id`
 * parameter, else (Update/Delete) from the document's `id` field. Create, Update
 * and Execute send the document (JSON) as the body, with every other parameter set
 * as a top-level field over it. Query sends the filter with its values bound.
 */
export function platformRequest(
  op: PlatformOperation,
  doc: RunDocument,
  params: ReadonlyMap<string, string>,
  accountId: string | undefined,
): PlatformRequest {
  if (!isPlatformObject(op.object)) {
    throw new Error(`"${op.object}" is not a Platform API object.`);
  }
  const request: PlatformRequest = { action: op.action, object: op.object, accountId };
  const id = params.get('id');
  if (id !== undefined && id !== '') {
    request.id = id;
  }
  if (op.action === 'query' && op.filter !== null) {
    request.filter = bindFilter(op.filter, params);
  }
  if (op.action === 'execute') {
    request.executeAction = op.executeAction;
  }
  if (!isInboundPlatformAction(op.action)) {
    let body = documentBody(doc);
    const reserved = filterReferences(op.filter);
    const fields = [...params].filter(([name]) => !reserved.has(name));
    if (fields.length > 0 && (body === undefined || isRecord(body))) {
      body = { ...(body ?? {}), ...Object.fromEntries(fields) };
    }
    if (request.id === undefined && isRecord(body) && typeof body['id'] === 'string') {
      request.id = body['id'];
    }
    if (op.action !== 'delete' && body !== undefined) {
      request.body = body;
    }
  }
  if (request.id === undefined && ['get', 'update', 'delete'].includes(op.action)) {
    throw new Error(`${op.action} needs the record's id: set an “id” parameter.`);
  }
  return request;
}

/** Runs a Platform API (Partner API connector) operation once per input document. */
export async function runPlatformOperation(
  op: PlatformOperation,
  inputs: RunDocument[],
  ctx: RunContext,
): Promise<ShapeResult> {
  const platform = ctx.platform;
  if (!platform) {
    throw processError(
      'This server has no Platform API, so the Junction Platform API connector cannot run.',
    );
  }
  return perDocumentCalls(
    inputs,
    ctx,
    op.returnApplicationErrors,
    (doc) => {
      const params = resolveParameters(op.parameters, doc, ctx);
      const request = platformRequest(op, doc, params, effectiveAccount(op, ctx));
      return platform.execute(op.connectionId, request, ctx.signal);
    },
    isInboundPlatformAction(op.action),
  );
}
