import type { Shape } from '@junction/process-model';
import { afterEach, describe, expect, it } from 'vitest';
import { keyedRecord, setOwn } from './keyed-record.ts';
import { buildProcess, docs, PASSTHROUGH_START, runTest, sink } from './test-support.ts';

const DANGEROUS = ['__proto__', 'constructor', 'prototype'];

/** Shapes keyed as given, `__proto__` included (an object literal would set a prototype). */
function shapesKeyed(entries: [string, Shape][]): Record<string, Shape> {
  const shapes = keyedRecord<Shape>();
  for (const [id, shape] of entries) {
    setOwn(shapes, id, shape);
  }
  return shapes;
}

const prototypeNames = () => Object.getOwnPropertyNames(Object.prototype).sort();
const before = prototypeNames();

afterEach(() => {
  // A failure here means a run wrote onto Object.prototype: every later test would see it.
  expect(prototypeNames()).toEqual(before);
  expect(({} as Record<string, unknown>)['documentsIn']).toBeUndefined();
});

describe('run bookkeeping keyed by names from the process file', () => {
  it('keeps ids and property names like __proto__ as plain keys, never on Object.prototype', async () => {
    // The validator refuses these ids; the runtime must be safe without it (an old
    // stored process, a caller that skips validation).
    //   start ─▶ __proto__ (Set Properties) ─▶ constructor (Route by property) ─x─▶ prototype
    const process = buildProcess(
      shapesKeyed([
        ['start', PASSTHROUGH_START],
        [
          '__proto__',
          {
            kind: 'set-properties',
            label: '',
            config: {
              properties: DANGEROUS.map((name) => ({
                target: 'dynamic-document' as const,
                name,
                parts: [{ type: 'static' as const, value: `set ${name}` }],
              })),
            },
          },
        ],
        [
          'constructor',
          {
            kind: 'route',
            label: '',
            config: {
              value: { type: 'document-property', name: '__proto__' },
              operator: 'equals',
              keys: ['set __proto__', 'toString'],
            },
          },
        ],
        ['prototype', sink()],
      ]),
      [
        ['start', 'default', '__proto__'],
        ['__proto__', 'default', 'constructor'],
        ['constructor', 'set __proto__', 'prototype'],
      ],
    );
    const run = await runTest(process, { startDocuments: docs('{}') });

    expect(run.outcome.status).toBe('complete');
    expect(run.order).toEqual(['start', '__proto__', 'constructor', 'prototype']);
    for (const id of DANGEROUS) {
      expect(Object.hasOwn(run.outcome.shapes, id), id).toBe(true);
      expect(run.outcome.shapes[id]?.documentsIn).toBe(1);
    }
    const arrived = run.inputs.get('prototype')?.flat()[0];
    expect(Object.getPrototypeOf(arrived?.properties)).toBe(Object.prototype);
    for (const name of DANGEROUS) {
      expect(Object.getOwnPropertyDescriptor(arrived?.properties, name)?.value).toBe(`set ${name}`);
    }
  });
});
