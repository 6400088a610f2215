import type { CleanseFieldRule } from '@junction/process-model';
import { describe, expect, it } from 'vitest';
import { META } from '../properties.ts';
import { buildProcess, docs, PASSTHROUGH_START, runTest, sink } from '../test-support.ts';

/** Start → Cleanse with `fields` → Rejected and Clean, each a sink (Rejected runs first). */
function cleanseProcess(fields: CleanseFieldRule[]) {
  return buildProcess(
    {
      start: PASSTHROUGH_START,
      cleanse: { kind: 'cleanse', label: '', config: { fields } },
      rejected: sink(),
      clean: sink(),
    },
    [
      ['start', 'default', 'cleanse'],
      ['cleanse', 'clean', 'clean'],
      ['cleanse', 'rejected', 'rejected'],
    ],
  );
}

describe('cleanse', () => {
  //   start ─▶ cleanse ─rejected─▶ rejected
  //                   └clean────▶ clean
  it('repairs, then rejects at the first violation; Rejected runs first', async () => {
    const process = cleanseProcess([
      { path: 'name', required: true, type: 'string', trim: true, maxLength: 5 },
      { path: 'qty', required: false, type: 'number', trim: false, defaultValue: '1' },
      { path: 'when', required: false, type: 'date', trim: false },
    ]);
    const run = await runTest(process, {
      startDocuments: docs(
        '{"name":"  Ann "}',
        '{"name":"Bartholomew"}',
        '{"name":"Cy","qty":"x"}',
        '{"qty":2}',
        '{"name":"D","when":"nope"}',
      ),
    });
    expect(run.order).toEqual(['start', 'cleanse', 'rejected', 'clean']);
    expect(run.dataAt('clean')).toEqual(['{"name":"Ann","qty":"1"}']);
    expect(
      (run.inputs.get('rejected')?.flat() ?? []).map((d) => d.properties[META.cleanseResult]),
    ).toEqual([
      'name: longer than 5',
      'qty: is not a number',
      'name: a value is required',
      'when: is not a date',
    ]);
    expect(run.outcome.status).toBe('complete');
  });

  it('rejects a default written far past an array’s end instead of making millions of nulls', async () => {
    const process = cleanseProcess([
      { path: 'a[100000000]', required: false, type: 'any', trim: false, defaultValue: 'x' },
    ]);
    const run = await runTest(process, { startDocuments: docs('{}') });
    expect(run.dataAt('clean')).toEqual([]);
    expect(run.inputs.get('rejected')?.flat()[0]?.properties[META.cleanseResult]).toBe(
      'a[100000000]: index 100000000 is past what a write may add to an array of 0 (at most 1,000 past its end, 100,000 elements in all)',
    );
    expect(run.outcome.status).toBe('complete');
  });

  //   start ─▶ cleanse ─rejected─▶ rejected
  //                   └clean────▶ clean
  it('accepts a date only when it matches the mask exactly and exists', async () => {
    const cleanse = async (format: string | undefined, ...values: string[]) => {
      const process = cleanseProcess([
        {
          path: 'when',
          required: true,
          type: 'date',
          trim: false,
          ...(format === undefined ? {} : { format }),
        },
      ]);
      const run = await runTest(process, {
        startDocuments: docs(...values.map((when) => JSON.stringify({ when }))),
      });
      return {
        clean: run.dataAt('clean').map((d) => JSON.parse(d).when),
        rejected: (run.inputs.get('rejected')?.flat() ?? []).map(
          (d) => d.properties[META.cleanseResult],
        ),
      };
    };

    // No mask: ISO 8601, strictly.
    expect(
      await cleanse(
        undefined,
        '1',
        'foo 2020',
        '2026-02-30',
        '2026-02-29',
        '2024-02-29',
        '2026-01-02T03:04:05.006Z',
      ),
    ).toEqual({
      clean: ['2024-02-29', '2026-01-02T03:04:05.006Z'],
      rejected: [
        'when: is not a date',
        'when: is not a date',
        'when: is not a date',
        'when: is not a date',
      ],
    });
    expect(
      await cleanse('MM/dd/yyyy', '02/29/2024', '2024-02-29', '2/29/2024', '02/29/2026'),
    ).toEqual({
      clean: ['02/29/2024'],
      rejected: [
        'when: is not a date in the form MM/dd/yyyy',
        'when: is not a date in the form MM/dd/yyyy',
        'when: is not a date in the form MM/dd/yyyy',
      ],
    });
    expect(
      await cleanse(
        'yyyyMMdd HHmmss.SSS',
        '20260102 030405.006',
        '20260102 240000.000',
        '20260102',
      ),
    ).toEqual({
      clean: ['20260102 030405.006'],
      rejected: [
        'when: is not a date in the form yyyyMMdd HHmmss.SSS',
        'when: is not a date in the form yyyyMMdd HHmmss.SSS',
      ],
    });
    expect(await cleanse('yyyy-QQ', '2026-01')).toEqual({
      clean: [],
      rejected: [
        'when: has an invalid date format (“QQ” is not a supported date field (use yyyy, yy, MM, M, dd, d, HH, H, mm, ss, SSS, Z, X))',
      ],
    });
  });
});
