import { describe, expect, it } from 'vitest';
import { previewMap } from './map-preview.ts';

describe('previewMap', () => {
  it('runs the rows and their functions as the runtime does', () => {
    const result = previewMap(
      {
        expression: '',
        mappings: [
          { from: 'name', to: 'customer.name', steps: [{ fn: 'upper' }] },
          { from: 'id', to: 'externalId' },
          { from: 'missing', to: 'never' },
        ],
      },
      { id: 'PR-1', name: 'ann' },
    );
    expect(result).toEqual({
      ok: true,
      output: JSON.stringify({ customer: { name: 'ANN' }, externalId: 'PR-1' }, null, 2),
    });
  });

  it('names the row and step that fail', () => {
    const result = previewMap(
      {
        expression: '',
        mappings: [
          {
            from: 'n',
            to: 'm',
            steps: [{ fn: 'multiply', operand: { type: 'constant', value: '2' } }],
          },
        ],
      },
      { n: 'text' },
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && 'error' in result && result.error).toMatch(
      /Mapping row 1.*step 1 \(multiply\)/,
    );
  });

  it('leaves a JSONata Map to a test run', () => {
    expect(previewMap({ expression: '$', mappings: [] }, {})).toEqual({ ok: 'expression' });
  });
});
