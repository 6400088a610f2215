import { describe, expect, it } from 'vitest';
import { buildProcess, docs, PASSTHROUGH_START, runTest, sink } from '../test-support.ts';
import type { Shape } from '../types.ts';

const branch = (count: number): Shape => ({ kind: 'branch', label: '', config: { count } });
const set = (
  target: 'dynamic-document' | 'dynamic-process',
  name: string,
  value: string,
): Shape => ({
  kind: 'set-properties',
  label: '',
  config: {
    properties: [
      target === 'dynamic-document'
        ? { target, name, parts: [{ type: 'static', value }] }
        : { target, name, persist: false, parts: [{ type: 'static', value }] },
    ],
  },
});
const message = (text: string): Shape => ({
  kind: 'message',
  label: '',
  config: {
    text,
    parameters: [
      { type: 'document-property', name: 'ddp' },
      { type: 'process-property', name: 'dpp' },
    ],
    jsonSafe: true,
    combineDocuments: false,
  },
});

describe('branch', () => {
  //   start ─▶ branch ─1─▶ setDdp ─▶ setDpp ─▶ s1
  //                  └─2─▶ msg ─▶ s2
  it('hides path 1 document changes from path 2 but shares process properties', async () => {
    const process = buildProcess(
      {
        start: PASSTHROUGH_START,
        branch: branch(2),
        setDdp: set('dynamic-document', 'ddp', 'from path 1'),
        setDpp: set('dynamic-process', 'dpp', 'shared'),
        s1: sink(),
        msg: message('ddp=[{1}] dpp=[{2}]'),
        s2: sink(),
      },
      [
        ['start', 'default', 'branch'],
        ['branch', '1', 'setDdp'],
        ['setDdp', 'default', 'setDpp'],
        ['setDpp', 'default', 's1'],
        ['branch', '2', 'msg'],
        ['msg', 'default', 's2'],
      ],
    );
    const run = await runTest(process, { startDocuments: docs('a') });
    expect(run.dataAt('s2')).toEqual(['ddp=[] dpp=[shared]']);
  });

  //   start ─▶ branch ─1─▶ decision ─true─▶ exception
  //                  │             └false─▶ s1
  //                  └─2─▶ s2
  it('keeps a document that failed on path 1 off path 2; its siblings continue', async () => {
    const process = buildProcess(
      {
        start: PASSTHROUGH_START,
        branch: branch(2),
        decision: {
          kind: 'decision',
          label: '',
          config: {
            left: { type: 'profile-element', path: 'bad' },
            operator: 'equals',
            right: { type: 'static', value: 'true' },
          },
        },
        exception: {
          kind: 'exception',
          label: '',
          config: { title: 'Bad', text: '', parameters: [], stopEntireProcess: false },
        },
        s1: sink(),
        s2: sink(),
      },
      [
        ['start', 'default', 'branch'],
        ['branch', '1', 'decision'],
        ['decision', 'true', 'exception'],
        ['decision', 'false', 's1'],
        ['branch', '2', 's2'],
      ],
    );
    const run = await runTest(process, { startDocuments: docs('{"bad":true}', '{"bad":false}') });
    expect(run.dataAt('s2')).toEqual(['{"bad":false}']);
    expect(run.outcome.status).toBe('error');
    expect(run.outcome.failedDocuments?.map((e) => e.document.id)).toEqual(['in1']);
    expect(run.outcome.shapes['exception']).toMatchObject({ documentsInError: 1, message: 'Bad' });
  });
});
