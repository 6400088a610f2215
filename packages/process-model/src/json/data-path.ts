/** One step into a JSON value: an object key or an array index. */
export type DataPath = readonly (string | number)[];

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * A path as JavaScript would read it, `order.lines[0]["unit.price"]`: keys that are
 * not identifiers are quoted and array indices are bare, so `a.b` (two keys), `["a.b"]`
 * (one dotted key), `[0]` (an index) and `["0"]` (a key) can never be mistaken.
 */
export function renderPath(path: DataPath): string {
  if (path.length === 0) {
    return '(document)';
  }
  return path
    .map((step, i) => {
      if (typeof step === 'number') {
        return `[${step}]`;
      }
      if (IDENTIFIER.test(step)) {
        return i === 0 ? step : `.${step}`;
      }
      return `[${JSON.stringify(step)}]`;
    })
    .join('');
}
