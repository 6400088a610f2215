import type { FastifyReply, FastifyRequest } from 'fastify';
import { badRql } from '../errors.ts';
import type { JsonObject } from '../json.ts';
import type { RqlNode } from '../rql/ast.ts';
import { matchesRql } from '../rql/evaluate.ts';
import { RqlSyntaxError } from '../rql/parse.ts';
import { orderObjects, projectObject } from '../rql/project.ts';
import { type ListQuery, parseListQuery } from '../rql/query.ts';
import { rawQuery } from './route.ts';

/** How one list endpoint filters and shows its objects. */
export interface ListOptions {
  /** Fields `search=` matches (ilike `*term*`). */
  searchable?: readonly string[];
  /** Fields left out unless named in `select()`. */
  hidden?: readonly string[];
}

/** Parses the request's query string; malformed RQL becomes a 400. */
export function readListQuery(request: FastifyRequest): ListQuery {
  try {
    return parseListQuery(rawQuery(request));
  } catch (error) {
    if (error instanceof RqlSyntaxError) {
      throw badRql(error.message);
    }
    throw error;
  }
}

/**
 * Answers a list request: filter, search, order, page and project `objects`,
 * set `Content-Range: items a-b/N` (§2.1) and return the bare page array.
 */
export function sendList(
  request: FastifyRequest,
  reply: FastifyReply,
  objects: JsonObject[],
  options: ListOptions = {},
): JsonObject[] {
  const query = readListQuery(request);
  const filter = combine(
    query.filter,
    searchNode(query.search, options.searchable ?? ['id', 'name']),
  );
  const matching = filter === null ? objects : objects.filter((obj) => matchesRql(filter, obj));
  const ordered = orderObjects(matching, query.ordering);
  const page = ordered.slice(query.offset, query.offset + query.limit);
  reply.header('content-range', contentRange(query.offset, page.length, ordered.length));
  return page.map((obj) => projectObject(obj, options.hidden ?? [], query.select));
}

/**
 * `items first-last/total` as django-rql writes it: an empty page (empty
 * collection, `limit=0`, offset past the end) reports `offset-offset`.
 */
export function contentRange(offset: number, pageLength: number, total: number): string {
  const last = pageLength === 0 ? offset : offset + pageLength - 1;
  return `items ${offset}-${last}/${total}`;
}

function searchNode(term: string | null, fields: readonly string[]): RqlNode | null {
  if (term === null || term === '') {
    return null;
  }
  const pattern = `*${term.replace(/\*/g, '\\*')}*`;
  return {
    type: 'or',
    args: fields.map((field) => ({
      type: 'compare',
      op: 'ilike',
      field,
      value: { kind: 'string', text: pattern, quoted: true },
    })),
  };
}

function combine(a: RqlNode | null, b: RqlNode | null): RqlNode | null {
  if (a === null) {
    return b;
  }
  return b === null ? a : { type: 'and', args: [a, b] };
}
