import { describe, expect, it } from 'vitest';
import { defaultShape } from './catalog/shape-catalog.ts';
import { createProcess } from './create-process.ts';
import { migrateProcess } from './migrate.ts';
import { parseProcess } from './serialize.ts';

/** A version 1 file as written before execution-property and typed profiles existed. */
function oldFile(profile: string): string {
  const doc = createProcess({ id: 'p', name: 'P' });
  const message = {
    ...defaultShape('message'),
    config: {
      text: '{1} {2}',
      parameters: [
        { type: 'document-property', name: 'execution.PROCESS_NAME' },
        { type: 'document-property', name: 'execution.SOMETHING_ELSE' },
      ],
      jsonSafe: true,
      combineDocuments: false,
    },
  };
  const platform = {
    kind: 'connector',
    label: '',
    config: {
      connector: 'junction-platform',
      connectionId: 'c',
      action: 'get',
      object: 'Account',
      executeAction: '',
      accountId: '',
      trackingDirection: 'output',
      returnApplicationErrors: false,
      parameters: [],
      filter: null,
      requestProfile: profile,
      responseProfile: '{"id": "A-1", "created": "2026-01-01T00:00:00Z"}',
    },
  };
  return JSON.stringify({ ...doc, shapes: { ...doc.shapes, m: message, api: platform } });
}

describe('version 1 files lifted in place', () => {
  it('turns execution.X document properties into execution-property values', () => {
    const parsed = parseProcess(oldFile('{"type": "object"}'));
    expect(parsed.ok).toBe(true);
    const m = parsed.ok ? parsed.document.shapes['m'] : undefined;
    expect(m?.kind === 'message' && m.config.parameters).toEqual([
      { type: 'execution-property', name: 'PROCESS_NAME' },
      { type: 'document-property', name: 'execution.SOMETHING_ELSE' },
    ]);
  });

  it('turns text profiles into typed ones: a schema narrowed, a sample inferred, prose kept', () => {
    const profiles = (text: string) => {
      const parsed = parseProcess(oldFile(text));
      const api = parsed.ok ? parsed.document.shapes['api'] : undefined;
      return api?.kind === 'connector' && api.config.connector === 'junction-platform'
        ? [api.config.requestProfile, api.config.responseProfile]
        : undefined;
    };
    const [schema, sample] = profiles('{"type": "object", "additionalProperties": false}') ?? [];
    expect(schema).toEqual({ type: 'object' });
    expect(sample).toEqual({
      type: 'object',
      properties: { id: { type: 'string' }, created: { type: 'string', format: 'date-time' } },
      required: ['id', 'created'],
    });
    expect(profiles('an account record')?.[0]).toEqual({
      type: 'object',
      description: 'an account record',
    });
  });

  it('leaves a current file identical', () => {
    const doc = createProcess({ id: 'p', name: 'P' });
    const result = migrateProcess(doc);
    expect(result.ok && result.value).toBe(doc);
  });
});
