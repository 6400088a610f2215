import type { Database } from '../db/database.ts';
import { HttpError } from '../errors.ts';
import { PLATFORM_OBJECTS, type PlatformObject, QUERY_SPECS } from './object-specs.ts';
import { compileFilter } from './query-filter.ts';

/** Boomi's page size for Query; the rest comes through queryMore. */
export const PAGE_SIZE = 100;

export interface QueryPage {
  numberOfResults: number;
  result: unknown[];
  /** Present while more results remain: pass it to queryMore. */
  queryToken?: string;
}

interface QueryState {
  object: PlatformObject;
  accountId: string;
  filter: unknown;
  offset: number;
}

export async function queryObjects(
  db: Database,
  object: PlatformObject,
  accountId: string,
  filter: unknown,
  offset: number,
): Promise<QueryPage> {
  const spec = QUERY_SPECS[object];
  const compiled = compileFilter(filter, spec.fields, 2);
  const where = `${spec.scope('$1')} AND ${compiled.sql}`;
  const params = [accountId, ...compiled.params];
  const rows = await db.query(
    `SELECT ${spec.select} FROM ${spec.from} WHERE ${where} ORDER BY ${spec.order}
     LIMIT ${PAGE_SIZE} OFFSET ${offset}`,
    params,
  );
  const [count] = await db.query<{ total: string | number }>(
    `SELECT count(*) AS total FROM ${spec.from} WHERE ${where}`,
    params,
  );
  const total = Number(count?.total ?? 0);
  const next = offset + rows.length;
  const state: QueryState = { object, accountId, filter: filter ?? null, offset: next };
  return {
    numberOfResults: total,
    result: await spec.views(db, rows),
    ...(next < total
      ? { queryToken: Buffer.from(JSON.stringify(state)).toString('base64url') }
      : {}),
  };
}

function readToken(token: string): QueryState {
  try {
    const state = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as QueryState;
    if (
      (PLATFORM_OBJECTS as readonly string[]).includes(state.object) &&
      typeof state.accountId === 'string' &&
      Number.isInteger(state.offset) &&
      state.offset >= 0 &&
      state.offset <= 2_000_000_000
    ) {
      return state;
    }
  } catch {
    // Falls through to the one error below.
  }
  throw new HttpError(400, 'bad-query-token', 'This queryToken is not one this server issued.');
}

/**
 * The token only says where the query stopped; it grants nothing, so its
 * account is authorised again (`authorize`) before the next page is read.
 */
export async function queryMore(
  db: Database,
  token: string,
  authorize: (object: PlatformObject, accountId: string) => Promise<void>,
): Promise<QueryPage> {
  const state = readToken(token);
  await authorize(state.object, state.accountId);
  return queryObjects(db, state.object, state.accountId, state.filter, state.offset);
}
