import { describe, expect, it } from 'vitest';
import { parseTestInput } from './test-input-dialog.tsx';

describe('test input parsing', () => {
  it('reads a JSON array, one document, or JSON Lines', () => {
    expect(parseTestInput('[{"id":1},{"id":2}]')).toEqual([
      { data: '{"id":1}' },
      { data: '{"id":2}' },
    ]);
    expect(parseTestInput('{"id":1}')).toEqual([{ data: '{"id":1}' }]);
    expect(parseTestInput('{"id":1}\n\n{"id":2}\n')).toEqual([
      { data: '{"id":1}' },
      { data: '{"id":2}' },
    ]);
    expect(parseTestInput('  ')).toEqual([]);
  });

  it('says which line is not JSON', () => {
    expect(() => parseTestInput('{"id":1}\nnope')).toThrow('Line 2 is not JSON');
  });
});
