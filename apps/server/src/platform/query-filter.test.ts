import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpError } from '../errors.ts';
import { compileFilter, type FieldMap } from './query-filter.ts';

const FIELDS: FieldMap = {
  name: { sql: 'name', type: 'text' },
  size: { sql: 'size', type: 'number' },
  at: { sql: 'at', type: 'timestamp' },
  on: { sql: 'flag', type: 'boolean' },
  note: { sql: 'note', type: 'text' },
};

const s = (property: string, operator: string, ...argument: unknown[]) => ({
  property,
  operator,
  argument,
});

describe('compileFilter', () => {
  let db: PGlite;
  beforeAll(async () => {
    db = await PGlite.create();
    await db.exec(`CREATE TABLE t (name text, size integer, at timestamptz, flag boolean, note text);
      INSERT INTO t VALUES
        ('alpha', 1, '2026-01-01T00:00:00Z', true, NULL),
        ('beta', 5, '2026-01-15T00:00:00Z', false, 'x'),
        ('al_pha', 10, '2026-02-01T00:00:00Z', true, 'y'),
        ('gamma', 20, '2026-03-01T00:00:00Z', false, NULL);`);
  });
  afterAll(() => db.close());

  async function names(filter: unknown): Promise<string[]> {
    const { sql, params } = compileFilter(filter, FIELDS, 1);
    const result = await db.query<{ name: string }>(
      `SELECT name FROM t WHERE ${sql} ORDER BY name`,
      params,
    );
    return result.rows.map((r) => r.name);
  }

  it.each([
    ['EQUALS', s('name', 'EQUALS', 'beta'), ['beta']],
    ['NOT_EQUALS', s('name', 'NOT_EQUALS', 'beta'), ['al_pha', 'alpha', 'gamma']],
    ['LIKE keeps wildcards', s('name', 'LIKE', '%ph%'), ['al_pha', 'alpha']],
    ['STARTS_WITH is literal', s('name', 'STARTS_WITH', 'al_'), ['al_pha']],
    ['IS_NULL', s('note', 'IS_NULL'), ['alpha', 'gamma']],
    ['IS_NOT_NULL', s('note', 'IS_NOT_NULL'), ['al_pha', 'beta']],
    ['BETWEEN numbers', s('size', 'BETWEEN', '5', 10), ['al_pha', 'beta']],
    [
      'BETWEEN dates',
      s('at', 'BETWEEN', '2026-01-10T00:00:00Z', '2026-02-10T00:00:00Z'),
      ['al_pha', 'beta'],
    ],
    ['GREATER_THAN', s('size', 'GREATER_THAN', 5), ['al_pha', 'gamma']],
    ['GREATER_THAN_OR_EQUAL', s('size', 'GREATER_THAN_OR_EQUAL', 5), ['al_pha', 'beta', 'gamma']],
    ['LESS_THAN', s('at', 'LESS_THAN', '2026-01-15T00:00:00Z'), ['alpha']],
    ['LESS_THAN_OR_EQUAL', s('size', 'LESS_THAN_OR_EQUAL', 5), ['alpha', 'beta']],
    ['boolean EQUALS', s('on', 'EQUALS', 'true'), ['al_pha', 'alpha']],
  ])('%s', async (_label, expression, expected) => {
    expect(await names({ expression })).toEqual(expected);
  });

  it('nests and/or groups to any depth and accepts the QueryFilter wrapper', async () => {
    const filter = {
      QueryFilter: {
        expression: {
          operator: 'or',
          nestedExpression: [
            s('name', 'EQUALS', 'gamma'),
            {
              operator: 'and',
              nestedExpression: [s('on', 'EQUALS', true), s('size', 'GREATER_THAN', 1)],
            },
          ],
        },
      },
    };
    expect(await names(filter)).toEqual(['al_pha', 'gamma']);
  });

  it('matches everything without a filter', async () => {
    expect(await names(undefined)).toHaveLength(4);
    expect(await names({})).toHaveLength(4);
  });

  it('never puts values into the SQL text', () => {
    const { sql, params } = compileFilter(
      { expression: s('name', 'EQUALS', "x'); DROP TABLE t; --") },
      FIELDS,
      3,
    );
    expect(sql).toBe('(name) = $3::text');
    expect(params).toEqual(["x'); DROP TABLE t; --"]);
  });

  it.each([
    ['unknown property', { expression: s('secret', 'EQUALS', 'x') }, /Unknown property/],
    ['unknown operator', { expression: s('name', 'CONTAINS', 'x') }, /Unknown operator/],
    ['wrong argument count', { expression: s('size', 'BETWEEN', 1) }, /takes 2/],
    ['bad number', { expression: s('size', 'EQUALS', 'ten') }, /numbers/],
    ['bad date', { expression: s('at', 'EQUALS', 'yesterday') }, /date-times/],
    ['LIKE on numbers', { expression: s('size', 'LIKE', '1') }, /text/],
    ['empty group', { expression: { operator: 'and', nestedExpression: [] } }, /non-empty/],
    ['not an object', 'name = 1', /object/],
    ['object argument', { expression: s('name', 'EQUALS', { a: 1 }) }, /strings/],
  ])('refuses %s with a 400', (_label, filter, message) => {
    let error: unknown;
    try {
      compileFilter(filter, FIELDS, 1);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).status).toBe(400);
    expect((error as HttpError).message).toMatch(message);
  });

  it('bounds nesting depth', () => {
    let expression: unknown = s('name', 'EQUALS', 'a');
    for (let i = 0; i < 40; i++) {
      expression = { operator: 'and', nestedExpression: [expression] };
    }
    expect(() => compileFilter({ expression }, FIELDS, 1)).toThrow(/nest/);
  });
});
