import { describe, expect, it } from 'vitest';
import { parseFieldPath } from './field-path.ts';

describe('parseFieldPath', () => {
  it.each([
    ['id', ['id']],
    ['asset.params[2].id', ['asset', 'params', 2, 'id']],
    ['$', []],
    ['$.items', ['items']],
    ['matrix[0][1]', ['matrix', 0, 1]],
    ['first name', ['first name']],
  ])('%s → %j', (path, expected) => {
    expect(parseFieldPath(path)).toEqual(expected);
  });

  it.each(['', 'a..b', '.a', 'a.', 'a[x]', 'a[1', '[0]', '$.'])('rejects %j', (path) => {
    expect(parseFieldPath(path)).toBeNull();
  });
});
