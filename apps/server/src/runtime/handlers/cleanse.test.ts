import { describe, expect, it } from 'vitest';
import { META } from '../properties.ts';
import { buildProcess, docs, PASSTHROUGH_START, runTest, sink } from '../test-support.ts';

describe('cleanse', () => {
  //   start ─▶ cleanse ─rejected─▶ rejected
  //                   └clean────▶ clean
  it('repairs, then rejects at the first violation; Rejected runs first', async () => {
    const process = buildProcess(
      {
        start: PASSTHROUGH_START,
        cleanse: {
          kind: 'cleanse',
          label: '',
          config: {
            fields: [
              { path: 'name', required: true, type: 'string', trim: true, maxLength: 5 },
              { path: 'qty', required: false, type: 'number', trim: false, defaultValue: '1' },
              { path: 'when', required: false, type: 'date', trim: false },
            ],
          },
        },
        rejected: sink(),
        clean: sink(),
      },
      [
        ['start', 'default', 'cleanse'],
        ['cleanse', 'clean', 'clean'],
        ['cleanse', 'rejected', 'rejected'],
      ],
    );
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
});
