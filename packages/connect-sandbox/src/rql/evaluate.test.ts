import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../json.ts';
import { matchesRql } from './evaluate.ts';
import { parseRql } from './parse.ts';
import { orderObjects, projectObject } from './project.ts';

const request: JsonObject = {
  id: 'PR-1',
  status: 'pending',
  note: null,
  reason: '',
  created: '2021-03-05T13:51:46+00:00',
  priority: 2,
  answered: false,
  asset: {
    product: { id: 'PRD-1', name: 'Cloud Backup' },
    params: [
      { id: 'email', value: 'a@b.c' },
      { id: 'seats', value: '10' },
    ],
  },
};

function matches(rql: string): boolean {
  const node = parseRql(rql);
  if (node === null) {
    throw new Error('empty');
  }
  return matchesRql(node, request);
}

describe('matchesRql', () => {
  it.each([
    ['eq(id,PR-1)', true],
    ['ne(status,pending)', false],
    ['status=ne=draft', true],
    ['in(status,(pending,approved))', true],
    ['out(status,(pending))', false],
    ['asset.product.id=PRD-1', true],
    ['asset__product__id=PRD-1', true],
    ['eq(asset.params.id,seats)', true],
    ['like(asset.product.name,Cloud*)', true],
    ['like(asset.product.name,cloud*)', false],
    ['ilike(asset.product.name,*BACK*)', true],
    ['ilike(asset.product.name,c*p)', true],
    ['eq(note,null())', true],
    ['ne(note,null())', false],
    ['eq(missing,null())', true],
    ['eq(reason,empty())', true],
    ['gt(created,2021-01-01)', true],
    ['lt(created,2021-03-05T13:51:45+00:00)', false],
    ['ge(priority,2)', true],
    ['gt(priority,10)', false],
    ['eq(answered,false)', true],
    ['and(eq(id,PR-1),in(status,(pending)))', true],
    ['or(eq(id,X),eq(id,PR-1))', true],
    ['(id=X|id=Y)', false],
    ['not(eq(status,pending))', false],
  ])('%s → %s', (rql, expected) => {
    expect(matches(rql)).toBe(expected);
  });
});

describe('projectObject and orderObjects', () => {
  it('removes -fields and hidden fields unless selected', () => {
    const out = projectObject(request, ['note'], ['-asset.params']);
    expect(out['note']).toBeUndefined();
    expect((out['asset'] as JsonObject)['params']).toBeUndefined();
    expect(projectObject(request, ['note'], ['note'])['note']).toBeNull();
    expect((request['asset'] as JsonObject)['params']).toBeDefined();
  });

  it('orders by several keys, descending with -', () => {
    const rows: JsonObject[] = [
      { id: 'a', n: 2, s: 'x' },
      { id: 'b', n: 1, s: 'y' },
      { id: 'c', n: 2, s: 'z' },
    ];
    expect(orderObjects(rows, ['-n', '+s']).map((r) => r['id'])).toEqual(['a', 'c', 'b']);
    expect(orderObjects(rows, ['n', '-s']).map((r) => r['id'])).toEqual(['b', 'c', 'a']);
  });
});
