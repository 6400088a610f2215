import { describe, expect, it } from 'vitest';
import type { ExecuteOptions } from '../execution.ts';
import { buildProcess, docs, PASSTHROUGH_START, runTest, sink } from '../test-support.ts';

/** Start → Data Process (one custom script) → sink, run through the engine. */
async function runScriptShape(
  source: string,
  data: string[],
  options: Partial<ExecuteOptions> = {},
) {
  const process = buildProcess(
    {
      start: PASSTHROUGH_START,
      dp: {
        kind: 'data-process',
        label: '',
        config: { steps: [{ type: 'custom-script', language: 'javascript', source }] },
      },
      end: sink(),
    },
    [
      ['start', 'default', 'dp'],
      ['dp', 'default', 'end'],
    ],
  );
  const run = await runTest(process, { startDocuments: docs(...data), ...options });
  return {
    ...run,
    /** Failed document id → message. */
    failed: Object.fromEntries(
      (run.outcome.failedDocuments ?? []).map((e) => [e.document.id, e.message]),
    ),
    messages: (run.outcome.log ?? []).map((entry) => `${entry.level}: ${entry.message}`),
  };
}

describe('custom script output: a malformed entry fails its own document only', () => {
  it('fails a returned entry whose data is not text; the others and the log are kept', async () => {
    const run = await runScriptShape(
      'logger.info("started"); return [{ data: 5, index: 0 }, { data: "B", index: 1 }];',
      ['a', 'b'],
    );
    expect(run.dataAt('end')).toEqual(['B']);
    expect(run.inputs.get('end')?.flat()[0]?.id).toBe('in2');
    expect(run.failed).toEqual({
      in1: 'Custom script: returned entry [0]: "data" is a number, not text.',
    });
    expect(run.messages).toContain('info: started');
  });

  it('fails null, nested properties, a bad index and a value with no JSON form, each on its own', async () => {
    const run = await runScriptShape(
      `return [
        null,
        { data: 'x', properties: { a: { b: 1 } }, index: 1 },
        { data: 'y', index: 7 },
        { data: 'z', properties: { big: 1n }, index: 2 },
        { data: 'kept', properties: { n: 1, ok: true }, index: 3 },
      ];`,
      ['a', 'b', 'c', 'd'],
    );
    expect(run.inputs.get('end')?.flat()).toEqual([
      { id: 'in4', data: 'kept', properties: { n: '1', ok: 'true' } },
    ]);
    expect(run.outcome.failedDocuments?.map((e) => [e.document.id, e.message])).toEqual([
      ['in1', 'Custom script: returned entry [0] is null, not a document.'],
      ['in2', 'Custom script: returned entry [1]: property "a" is an object, not text.'],
      ['in1', 'Custom script: returned entry [2]: "index" is not the index of an input document.'],
      ['in1', 'Custom script: returned entry [3] cannot be read (it has no JSON form).'],
    ]);
  });

  it('fails a stored document with nested properties, and keeps the one stored beside it', async () => {
    const run = await runScriptShape(
      `dataContext.getStream(0); dataContext.storeStream('bad', { a: { b: 1 } });
       dataContext.getStream(1); dataContext.storeStream('good', { n: 2 });`,
      ['a', 'b'],
    );
    expect(run.inputs.get('end')?.flat()).toEqual([
      { id: 'in2', data: 'good', properties: { n: '2' } },
    ]);
    expect(run.failed).toEqual({
      in1: 'Custom script: stored document [0]: property "a" is an object, not text.',
    });
  });

  it('keeps the output whole when the script changes the built-ins the prelude uses', async () => {
    const run = await runScriptShape(
      `Array.prototype.push = function () { throw new Error('push'); };
       Object.prototype.toJSON = function () { return 5; };
       JSON.stringify = () => '{}';
       Object.defineProperty(Object.prototype, 'data', { set() { throw new Error('setter'); } });
       logger.info('logged');
       ExecutionUtil.setDynamicProcessProperty('kept', 'yes', false);
       dataContext.storeStream('x', { n: 1 });`,
      ['a'],
    );
    expect(run.outcome.status).toBe('complete');
    expect(run.messages).toEqual(['info: logged']);
    expect(run.inputs.get('end')?.flat()).toEqual([
      { id: 'in1', data: 'x', properties: { n: '1' } },
    ]);
  });

  it('fails only the stored document that has no JSON form', async () => {
    const run = await runScriptShape(
      `dataContext.getStream(0); dataContext.storeStream('a', { n: { toJSON() { throw new Error('no'); } } });
       dataContext.getStream(1); dataContext.storeStream('b', {});`,
      ['a', 'b'],
    );
    expect(run.dataAt('end')).toEqual(['b']);
    expect(run.failed).toEqual({
      in1: 'Custom script: stored document [0] cannot be read (it has no JSON form).',
    });
  });
});

describe('custom script failures never outlive their run', () => {
  it('reports a stack overflow as the run error, and the next run works', async () => {
    for (let i = 0; i < 3; i++) {
      const broken = await runScriptShape('function f(n) { return f(n + 1) + 1 } f(0)', ['a']);
      expect(broken.outcome.status).toBe('error');
      expect(broken.outcome.error).toMatch(/^Custom script: .*stack overflow/);
    }
    const fine = await runScriptShape('return documents;', ['a']);
    expect(fine.outcome.status).toBe('complete');
    expect(fine.dataAt('end')).toEqual(['a']);
  });

  it('reports a script past its memory limit by that limit', async () => {
    const run = await runScriptShape(
      'const a = []; for (;;) a.push(new Uint8Array(1 << 20));',
      ['a'],
      { scriptLimits: { memoryBytes: 8 * 1024 * 1024 } },
    );
    expect(run.outcome.error).toBe(
      'Custom script: The script exceeded its memory limit of 8 MB and was stopped.',
    );
  });
});
