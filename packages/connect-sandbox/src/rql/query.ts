import type { RqlNode } from './ast.ts';
import { parseRql, RqlSyntaxError } from './parse.ts';

/** Page size when the caller sends no `limit` (django-rql `default_limit`). */
export const DEFAULT_LIMIT = 100;
/** Larger limits are silently capped, as django-rql does with `max_limit`. */
export const MAX_LIMIT = 1000;

/** Everything a list request asks for, split out of the raw query string. */
export interface ListQuery {
  filter: RqlNode | null;
  limit: number;
  offset: number;
  search: string | null;
  select: string[];
  ordering: string[];
}

/**
 * Parses a raw (still URL-encoded) query string into a list query. `limit`,
 * `offset` and `search` may come as `k=v` or `eq(k,v)` at the top level;
 * `select(...)` and `ordering(...)` are lifted out of the top-level AND.
 * Throws RqlSyntaxError for a malformed query.
 */
export function parseListQuery(rawQuery: string): ListQuery {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawQuery);
  } catch {
    throw new RqlSyntaxError('Malformed URL encoding.');
  }
  const root = parseRql(decoded);
  const terms = root === null ? [] : root.type === 'and' ? root.args : [root];
  const query: ListQuery = {
    filter: null,
    limit: DEFAULT_LIMIT,
    offset: 0,
    search: null,
    select: [],
    ordering: [],
  };
  const filters: RqlNode[] = [];
  for (const term of terms) {
    if (term.type === 'select') {
      query.select.push(...term.fields);
    } else if (term.type === 'ordering') {
      query.ordering.push(...term.fields);
    } else if (term.type === 'compare' && term.op === 'eq' && term.value.kind === 'string') {
      const text = term.value.text;
      if (term.field === 'limit') {
        query.limit = parseLimit(text);
      } else if (term.field === 'offset') {
        query.offset = parseOffset(text);
      } else if (term.field === 'search') {
        query.search = text;
      } else {
        filters.push(term);
      }
    } else {
      filters.push(term);
    }
  }
  query.filter =
    filters.length === 0
      ? null
      : filters.length === 1
        ? (filters[0] ?? null)
        : { type: 'and', args: filters };
  return query;
}

// django-rql falls back to the default for an invalid limit and caps large ones.
function parseLimit(text: string): number {
  const value = Number(text.trim());
  if (!Number.isInteger(value) || value < 0) {
    return DEFAULT_LIMIT;
  }
  return Math.min(value, MAX_LIMIT);
}

function parseOffset(text: string): number {
  const value = Number(text.trim());
  return Number.isInteger(value) && value >= 0 ? value : 0;
}
