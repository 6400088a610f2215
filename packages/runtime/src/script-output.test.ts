import { describe, expect, it } from 'vitest';
import { readScriptOutput } from './script-output.ts';

const json = (value: unknown) => ({ json: JSON.stringify(value) });

describe('readScriptOutput', () => {
  it('turns a malformed log line or process property into an error line, keeping the rest', () => {
    const output = readScriptOutput(
      JSON.stringify({
        stored: [],
        returned: null,
        logs: [
          { level: 'info', message: 'fine' },
          { level: 'loud', message: 'x' },
          { level: 'info', message: { text: 1 } },
          null,
        ],
        processProperties: [
          { name: 'a', value: '1', persist: true },
          { name: 'b', value: 2, persist: false },
        ],
      }),
      1,
    );
    expect(output.logs).toEqual([
      { level: 'info', message: 'fine' },
      {
        level: 'error',
        message: 'Custom script: log entry [1] is not a log line; it was dropped.',
      },
      {
        level: 'error',
        message: 'Custom script: log entry [2] is not a log line; it was dropped.',
      },
      {
        level: 'error',
        message: 'Custom script: log entry [3] is not a log line; it was dropped.',
      },
      {
        level: 'error',
        message: 'Custom script: process property entry [1] is malformed; it was not set.',
      },
    ]);
    expect(output.processProperties).toEqual([{ name: 'a', value: '1', persist: true }]);
  });

  it('checks every document entry on its own, with where it is', () => {
    const output = readScriptOutput(
      JSON.stringify({
        stored: [
          json({ data: 'ok', properties: {}, source: 1 }),
          json({ data: 'x', properties: [], source: 0 }),
          json({ data: 'x', properties: { p: null }, source: 0 }),
          json({ data: 'x', properties: {}, source: 2 }),
          { json: '{not json' },
          { unreadable: 'it has no JSON form' },
          'bare text',
        ],
        returned: null,
        logs: [],
        processProperties: [],
      }),
      2,
    );
    expect(output.documents).toEqual([
      { data: 'ok', properties: {}, source: 1 },
      { problem: 'stored document [1]: its properties are an array, not an object', source: 0 },
      { problem: 'stored document [2]: property "p" is null, not text', source: 0 },
      {
        problem: 'stored document [3]: "source" is not the index of an input document',
        source: -1,
      },
      { problem: 'stored document [4] cannot be read', source: -1 },
      { problem: 'stored document [5] cannot be read (it has no JSON form)', source: -1 },
      { problem: 'stored document [6] cannot be read', source: -1 },
    ]);
  });

  it('refuses text that is not an output at all', () => {
    for (const text of [
      undefined,
      '5',
      '{"stored": 5, "logs": [], "processProperties": []}',
      '{',
    ]) {
      expect(() => readScriptOutput(text, 1)).toThrow(/could not be read/);
    }
  });
});
