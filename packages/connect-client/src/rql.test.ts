import { describe, expect, it } from 'vitest';
import { encodeRqlForUrl, formatRqlValue, R } from './rql.ts';

describe('R (RQL builder)', () => {
  it('renders the grammar example from the Python client', () => {
    const query = R.and(R.eq('field', 'value'), R.in('field2', ['a', 'b']));
    expect(String(query)).toBe('and(eq(field,value),in(field2,(a,b)))');
  });

  it('renders every comparison operator', () => {
    const rendered = [
      R.eq('a', 1),
      R.ne('a', 'x'),
      R.gt('a', 2),
      R.ge('a', 3),
      R.lt('a', 4),
      R.le('a', 5),
      R.like('name', '*abc*'),
      R.ilike('name', 'abc*'),
      R.out('status', ['draft', 'failed']),
    ].map(String);
    expect(rendered).toEqual([
      'eq(a,1)',
      'ne(a,x)',
      'gt(a,2)',
      'ge(a,3)',
      'lt(a,4)',
      'le(a,5)',
      'like(name,*abc*)',
      'ilike(name,abc*)',
      'out(status,(draft,failed))',
    ]);
  });

  it('renders or/not and the null()/empty() constants', () => {
    expect(String(R.or(R.eq('a', true), R.not(R.eq('b', R.null()))))).toBe(
      'or(eq(a,true),not(eq(b,null())))',
    );
    expect(String(R.eq('note', R.empty()))).toBe('eq(note,empty())');
    expect(String(R.ne('assignee', null))).toBe('ne(assignee,null())');
  });

  it('drops undefined terms and unwraps a single term', () => {
    expect(String(R.and(undefined, R.eq('status', 'pending')))).toBe('eq(status,pending)');
    expect(String(R.and())).toBe('');
  });

  it('renders select, ordering and search', () => {
    expect(String(R.select('-asset.params', 'activation_key'))).toBe(
      'select(-asset.params,activation_key)',
    );
    expect(String(R.ordering('-created', '+name'))).toBe('ordering(-created,+name)');
    expect(String(R.search('acme'))).toBe('search=acme');
  });

  it('keeps dotted ids, dates and allowed punctuation unquoted', () => {
    expect(String(R.in('asset.product.id', ['PRD-1', 'PRD-2']))).toBe(
      'in(asset.product.id,(PRD-1,PRD-2))',
    );
    expect(formatRqlValue(new Date('2024-01-02T03:04:05Z'))).toBe('2024-01-02T03:04:05.000Z');
    expect(formatRqlValue('user@example.com')).toBe('user@example.com');
    expect(formatRqlValue('my product')).toBe('my product');
  });

  it('quotes values with characters outside the unquoted set and escapes quotes', () => {
    expect(formatRqlValue('a,b')).toBe('"a,b"');
    expect(formatRqlValue('f(x)')).toBe('"f(x)"');
    expect(formatRqlValue('say "hi"')).toBe(`'say "hi"'`);
    expect(formatRqlValue(`it's "x"`)).toBe(`"it's \\"x\\""`);
    expect(formatRqlValue('')).toBe('""');
  });

  it('rejects field names the grammar cannot carry', () => {
    expect(() => R.eq('bad field', 1)).toThrow(TypeError);
    expect(() => R.select('-a(b)')).toThrow(TypeError);
  });
});

describe('encodeRqlForUrl', () => {
  it('keeps RQL syntax literal and encodes quotes, spaces and plus', () => {
    expect(encodeRqlForUrl('and(eq(name,"my product"),eq(x,a+b))')).toBe(
      'and(eq(name,%22my%20product%22),eq(x,a%2Bb))',
    );
    expect(encodeRqlForUrl('status=pending&ilike(name,*abc*)')).toBe(
      'status=pending&ilike(name,*abc*)',
    );
  });

  it('does not encode an already encoded string twice', () => {
    expect(encodeRqlForUrl('eq(name,%22x%20y%22)')).toBe('eq(name,%22x%20y%22)');
  });
});
