import { describe, expect, it } from 'vitest';
import { documentJson, JsonDocument } from '../json-document.ts';
import {
  buildProcess,
  docs,
  LIST_REQUESTS,
  memoryGateway,
  PASSTHROUGH_START,
  runTest,
  sink,
} from '../test-support.ts';
import type { Shape } from '../types.ts';

const list: Shape = LIST_REQUESTS;

//   start ─▶ list ─▶ end
const process = buildProcess({ start: PASSTHROUGH_START, list, end: sink() }, [
  ['start', 'default', 'list'],
  ['list', 'default', 'end'],
]);

describe('connector records as documents', () => {
  it('keeps each parsed record beside its text, and the text is the record’s JSON', async () => {
    const records = [{ id: 'PR-1', asset: { params: [{ id: 'p', value: 1.5 }] } }, { id: 'PR-2' }];
    const run = await runTest(process, {
      startDocuments: docs('{}'),
      connectors: memoryGateway(() => records),
    });
    const out = run.inputs.get('end')?.flat() ?? [];
    expect(out.map((d) => d.data)).toEqual(records.map((r) => JSON.stringify(r)));
    expect(out.every((d) => JsonDocument.keeps(d))).toBe(true);
    expect(documentJson(out[0]!)).toEqual(records[0]);
    expect(out.map((d) => d.parentId)).toEqual(['in1', 'in1']);
  });

  it('keeps only the text when a record would read back differently from it', async () => {
    const records = [{ id: 'PR-1', at: new Date(0) }];
    const run = await runTest(process, {
      startDocuments: docs('{}'),
      connectors: memoryGateway(() => records),
    });
    const [doc] = run.inputs.get('end')?.flat() ?? [];
    expect(doc?.data).toBe('{"id":"PR-1","at":"1970-01-01T00:00:00.000Z"}');
    expect(JsonDocument.keeps(doc!)).toBe(false);
    expect(documentJson(doc!)).toEqual({ id: 'PR-1', at: '1970-01-01T00:00:00.000Z' });
  });
});
