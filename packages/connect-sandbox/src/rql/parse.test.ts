import { describe, expect, it } from 'vitest';
import { MAX_RQL_DEPTH, parseRql, RqlSyntaxError } from './parse.ts';
import { parseListQuery } from './query.ts';

describe('parseRql', () => {
  it('parses calls, shorthands and value lists', () => {
    expect(parseRql('and(eq(id,X),in(status,(pending)))')).toEqual({
      type: 'and',
      args: [
        {
          type: 'compare',
          op: 'eq',
          field: 'id',
          value: { kind: 'string', text: 'X', quoted: false },
        },
        {
          type: 'list',
          op: 'in',
          field: 'status',
          values: [{ kind: 'string', text: 'pending', quoted: false }],
        },
      ],
    });
    expect(parseRql('status=ne=draft')).toMatchObject({
      type: 'compare',
      op: 'ne',
      field: 'status',
    });
    expect(parseRql('status=pending')).toMatchObject({
      type: 'compare',
      op: 'eq',
      value: { text: 'pending' },
    });
  });

  it('keeps commas inside or() as argument separators', () => {
    const node = parseRql('or(eq(a,1),eq(b,2))');
    expect(node).toMatchObject({ type: 'or', args: [{ field: 'a' }, { field: 'b' }] });
  });

  it('parses (a|b) and (a;b) groups with & binding tighter', () => {
    expect(parseRql('(a=1|b=2)')).toMatchObject({ type: 'or' });
    expect(parseRql('(a=1;b=2),c=3')).toMatchObject({
      type: 'and',
      args: [{ type: 'or' }, { field: 'c' }],
    });
  });

  it('parses null(), empty(), quoted values and not()', () => {
    expect(parseRql('eq(note,null())')).toMatchObject({ value: { kind: 'null' } });
    expect(parseRql('eq(note,empty())')).toMatchObject({ value: { kind: 'empty' } });
    expect(parseRql('eq(name,"a, (b)")')).toMatchObject({
      value: { text: 'a, (b)', quoted: true },
    });
    expect(parseRql('not(eq(a,1))')).toMatchObject({ type: 'not', arg: { field: 'a' } });
  });

  it('rejects malformed queries', () => {
    for (const bad of [
      'eq(',
      'eq(a,1',
      'foo(a,1)',
      'like(a,**x)',
      'a',
      'eq(a,"x)',
      'status=zz=1',
    ]) {
      expect(() => parseRql(bad), bad).toThrow(RqlSyntaxError);
    }
  });

  it('refuses nesting past MAX_RQL_DEPTH as a syntax error, not a stack overflow', () => {
    const deep = (n: number, open: string, close: string) =>
      `${open.repeat(n)}eq(id,1)${close.repeat(n)}`;
    // 3,000 levels fit in one URL and used to overflow the stack (a 500).
    for (const query of [deep(3_000, '(', ')'), deep(3_000, 'not(', ')')]) {
      expect(() => parseRql(query)).toThrow(`Nested deeper than ${MAX_RQL_DEPTH} levels`);
    }
    // Within the limit, nesting parses as before.
    expect(parseRql(deep(MAX_RQL_DEPTH - 1, '(', ')'))).toEqual(parseRql('eq(id,1)'));
  });
});

describe('parseListQuery', () => {
  it('lifts limit, offset, search, select and ordering out of the filter', () => {
    const query = parseListQuery(
      'select(-asset.params,activation_key)&and(eq(status,pending),ilike(asset.product.name,*abc*))&ordering(-created,+id)&limit=10&offset=20&search=foo',
    );
    expect(query.limit).toBe(10);
    expect(query.offset).toBe(20);
    expect(query.search).toBe('foo');
    expect(query.select).toEqual(['-asset.params', 'activation_key']);
    expect(query.ordering).toEqual(['-created', '+id']);
    expect(query.filter).toMatchObject({
      type: 'and',
      args: [{ field: 'status' }, { op: 'ilike' }],
    });
  });

  it('URL-decodes before parsing', () => {
    const query = parseListQuery('in(status%2C%28pending%2Capproved%29)&name=my%20product');
    expect(query.filter).toMatchObject({
      type: 'and',
      args: [
        { type: 'list', values: [{ text: 'pending' }, { text: 'approved' }] },
        { value: { text: 'my product' } },
      ],
    });
  });
});
