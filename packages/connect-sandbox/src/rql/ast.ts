/** A value in an RQL expression. `null()` and `empty()` are distinct constants. */
export type RqlValue =
  | { kind: 'string'; text: string; quoted: boolean }
  | { kind: 'null' }
  | { kind: 'empty' };

/** Comparison operators of lib-rql. */
export type CompareOp = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le' | 'like' | 'ilike';

/** A parsed RQL expression tree. */
export type RqlNode =
  | { type: 'and' | 'or'; args: RqlNode[] }
  | { type: 'not'; arg: RqlNode }
  | { type: 'compare'; op: CompareOp; field: string; value: RqlValue }
  | { type: 'list'; op: 'in' | 'out'; field: string; values: RqlValue[] }
  | { type: 'select'; fields: string[] }
  | { type: 'ordering'; fields: string[] };

/** Every comparison operator name, for parsing calls and `f=op=v` shorthands. */
export const COMPARE_OPS: readonly CompareOp[] = [
  'eq',
  'ne',
  'gt',
  'ge',
  'lt',
  'le',
  'like',
  'ilike',
];

/** Narrows a name to a comparison operator. */
export function isCompareOp(name: string): name is CompareOp {
  return (COMPARE_OPS as readonly string[]).includes(name);
}
