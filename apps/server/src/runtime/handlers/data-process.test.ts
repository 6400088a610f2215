import type { DataProcessStep } from '@junction/process-model';
import { describe, expect, it } from 'vitest';
import type { ExecuteOptions } from '../execution.ts';
import { buildProcess, docs, PASSTHROUGH_START, runTest, sink } from '../test-support.ts';

async function runSteps(
  steps: DataProcessStep[],
  data: string[],
  options: Partial<ExecuteOptions> = {},
) {
  const process = buildProcess(
    {
      start: PASSTHROUGH_START,
      dp: { kind: 'data-process', label: '', config: { steps } },
      end: sink(),
    },
    [
      ['start', 'default', 'dp'],
      ['dp', 'default', 'end'],
    ],
  );
  return runTest(process, { startDocuments: docs(...data), ...options });
}

describe('data-process', () => {
  it('splits a JSON array by path, one record per document, keeping lineage and properties', async () => {
    const run = await runSteps(
      [{ type: 'split', path: 'items', batchCount: 0 }],
      ['{"items":[{"a":1},{"a":2},{"a":3}]}'],
    );
    const out = run.inputs.get('end')?.flat() ?? [];
    expect(out.map((d) => d.data)).toEqual(['{"a":1}', '{"a":2}', '{"a":3}']);
    expect(out.every((d) => d.parentId === 'in1')).toBe(true);
  });

  it('splits a batch of 300,000 records (no call-stack limit on batch sizes)', async () => {
    const records = JSON.stringify(Array.from({ length: 300_000 }, (_, i) => i));
    const run = await runSteps([{ type: 'split', path: '$', batchCount: 1 }], [records]);
    expect(run.outcome.status).toBe('complete');
    expect(run.outcome.shapes['end']?.documentsIn).toBe(300_000);
  });

  it('splits with a batch count and combines back into one array', async () => {
    const split = await runSteps([{ type: 'split', path: '$', batchCount: 2 }], ['[1,2,3]']);
    expect(split.dataAt('end')).toEqual(['[1,2]', '[3]']);
    const roundTrip = await runSteps(
      [{ type: 'split', path: '$', batchCount: 2 }, { type: 'combine' }],
      ['[1,2,3]'],
    );
    expect(roundTrip.dataAt('end')).toEqual(['[1,2,3]']);
  });

  it('encodes and decodes Base64 and searches/replaces literally or by regex', async () => {
    const run = await runSteps(
      [
        { type: 'search-replace', search: 'a.c', replace: '$&!', regex: false },
        { type: 'search-replace', search: '(\\d+)', replace: '<$1>', regex: true },
        { type: 'base64-encode' },
        { type: 'base64-decode' },
      ],
      ['a.c abc 12'],
    );
    expect(run.dataAt('end')).toEqual(['$&! abc <12>']);
  });

  it('replaces by regex in linear time: (a+)+b on a long document', {
    timeout: 5_000,
  }, async () => {
    const long = `${'a'.repeat(20_000)}c`;
    const started = performance.now();
    const run = await runSteps(
      [
        { type: 'search-replace', search: '(a+)+b', replace: 'X', regex: true },
        { type: 'search-replace', search: '(?<n>c)$', replace: '[$<n>$$]', regex: true },
        { type: 'search-replace', search: 'x*', replace: '-', regex: true },
      ],
      [long, 'aab'],
    );
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(run.dataAt('end')).toEqual([`-${'a-'.repeat(20_000)}[-c-$-]-`, '-X-']);
  });

  it('fails only the document a step cannot handle', async () => {
    const run = await runSteps(
      [{ type: 'split', path: 'items', batchCount: 1 }],
      ['{"items":[1]}', '{"items":2}'],
    );
    expect(run.dataAt('end')).toEqual(['1']);
    expect(run.outcome.failedDocuments?.map((e) => e.document.id)).toEqual(['in2']);
  });

  it('runs a custom script: stored documents only, properties, process properties, logs', async () => {
    const source = `
      for (let i = 0; i < dataContext.getDataCount(); i++) {
        const data = JSON.parse(dataContext.getStream(i));
        const props = dataContext.getProperties(i);
        if (data.keep) {
          props.seen = ExecutionUtil.getRuntimeExecutionProperty('PROCESS_NAME');
          dataContext.storeStream(JSON.stringify({ n: data.n * 2 }), props);
        }
      }
      ExecutionUtil.setDynamicProcessProperty('count', dataContext.getDataCount(), false);
      logger.info('done', dataContext.getDataCount());
    `;
    const run = await runSteps(
      [{ type: 'custom-script', language: 'javascript', source }],
      ['{"n":1,"keep":true}', '{"n":2,"keep":false}'],
    );
    const out = run.inputs.get('end')?.flat() ?? [];
    expect(out).toEqual([{ id: 'in1', data: '{"n":2}', properties: { seen: 'Test process' } }]);
    expect(run.results.get('dp')?.[0]?.logs).toEqual([{ level: 'info', message: 'done 2' }]);
  });

  it('stops a script that runs too long, and fails the whole batch as a process error', async () => {
    const run = await runSteps(
      [{ type: 'custom-script', language: 'javascript', source: 'while (true) {}' }],
      ['x'],
      {
        scriptLimits: { timeoutMs: 200 },
      },
    );
    expect(run.outcome.status).toBe('error');
    expect(run.outcome.error).toBe(
      'Custom script: The script exceeded its time limit of 200 ms and was stopped.',
    );
  });

  it('stops a script that uses too much memory and offers no host access', async () => {
    const memory = await runSteps(
      [
        {
          type: 'custom-script',
          language: 'javascript',
          source: 'const a = []; while (true) { a.push("x".repeat(1000)); }',
        },
      ],
      ['x'],
      { scriptLimits: { memoryBytes: 4 * 1024 * 1024 } },
    );
    expect(memory.outcome.status).toBe('error');
    const host = await runSteps(
      [
        {
          type: 'custom-script',
          language: 'javascript',
          source:
            'dataContext.storeStream([typeof require, typeof process, typeof fetch, typeof std].join(","), {});',
        },
      ],
      ['x'],
    );
    expect(host.dataAt('end')).toEqual(['undefined,undefined,undefined,undefined']);
  });
});

describe('data-process custom script, plain JavaScript form', () => {
  it('returns documents instead of storing them; `return documents` passes the batch through', async () => {
    const same = await runSteps(
      [{ type: 'custom-script', language: 'javascript', source: 'return documents;' }],
      ['a', 'b'],
    );
    expect(same.inputs.get('end')?.flat()).toEqual(docs('a', 'b'));
    const source =
      'return documents.map((d) => ({ ...d, data: d.data.toUpperCase(), properties: { n: d.index } })).concat(["extra"]);';
    const changed = await runSteps(
      [{ type: 'custom-script', language: 'javascript', source }],
      ['a'],
    );
    const out = changed.inputs.get('end')?.flat() ?? [];
    expect(out.map((d) => [d.data, d.properties])).toEqual([
      ['A', { n: '0' }],
      ['extra', {}],
    ]);
    expect(out[1]?.parentId).toBe('in1');
  });
});
