import { isObject, type JsonValue, valuesAtPath } from '../json.ts';
import type { CompareOp, RqlNode, RqlValue } from './ast.ts';
import { compileLike } from './like.ts';

/** True when `obj` satisfies the filter expression. */
export function matchesRql(node: RqlNode, obj: JsonValue): boolean {
  switch (node.type) {
    case 'and':
      return node.args.every((arg) => matchesRql(arg, obj));
    case 'or':
      return node.args.some((arg) => matchesRql(arg, obj));
    case 'not':
      return !matchesRql(node.arg, obj);
    case 'compare':
      return compareField(valuesAtPath(obj, node.field), node.op, node.value);
    case 'list': {
      const values = valuesAtPath(obj, node.field);
      const hit = node.values.some((value) => compareField(values, 'eq', value));
      return node.op === 'in' ? hit : !hit;
    }
    default:
      // select/ordering nested inside a filter have no filtering meaning.
      return true;
  }
}

function compareField(leaves: JsonValue[], op: CompareOp, value: RqlValue): boolean {
  if (op === 'ne') {
    return !compareField(leaves, 'eq', value);
  }
  if (value.kind === 'null') {
    return op === 'eq' && (leaves.length === 0 || leaves.some((leaf) => leaf === null));
  }
  if (value.kind === 'empty') {
    return (
      op === 'eq' &&
      leaves.some((leaf) => leaf === '' || (isObject(leaf) && Object.keys(leaf).length === 0))
    );
  }
  const text = value.text;
  if (op === 'like' || op === 'ilike') {
    const like = compileLike(text, op === 'ilike');
    return leaves.some((leaf) => isScalar(leaf) && like(String(leaf)));
  }
  return leaves.some((leaf) => isScalar(leaf) && compareScalar(leaf, op, text));
}

function isScalar(leaf: JsonValue): leaf is string | number | boolean {
  return typeof leaf === 'string' || typeof leaf === 'number' || typeof leaf === 'boolean';
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}/;

function compareScalar(leaf: string | number | boolean, op: CompareOp, text: string): boolean {
  const order = ordinal(leaf, text);
  switch (op) {
    case 'eq':
      return order === 0;
    case 'gt':
      return order !== null && order > 0;
    case 'ge':
      return order !== null && order >= 0;
    case 'lt':
      return order !== null && order < 0;
    case 'le':
      return order !== null && order <= 0;
    default:
      return false;
  }
}

/**
 * Compares a stored leaf with a query value by the leaf's type: numbers
 * numerically, booleans by `true`/`false`, ISO dates chronologically (so a
 * date-only bound works against datetimes with offsets), strings exactly.
 */
function ordinal(leaf: string | number | boolean, text: string): number | null {
  if (typeof leaf === 'number') {
    const number = Number(text);
    return Number.isNaN(number) || text.trim() === '' ? null : Math.sign(leaf - number);
  }
  if (typeof leaf === 'boolean') {
    return String(leaf) === text ? 0 : 1;
  }
  if (ISO_DATE.test(leaf) && ISO_DATE.test(text)) {
    const a = Date.parse(leaf);
    const b = Date.parse(text);
    if (!Number.isNaN(a) && !Number.isNaN(b)) {
      return Math.sign(a - b);
    }
  }
  return leaf === text ? 0 : leaf < text ? -1 : 1;
}
