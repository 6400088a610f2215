import type { Shape } from '@junction/process-model';
import { describe, expect, it } from 'vitest';
import {
  buildProcess,
  docs,
  PASSTHROUGH_START,
  recordingListener,
  scriptShape,
  sink,
} from '../test-support.ts';
import type { RunOutcome } from '../types.ts';
import { createEnginePool } from './engine-pool.ts';

// Light runs through the pool (light-process.ts decides, host-run.ts runs them): on
// the host's thread, bounded per turn, ending as a thread's run would.

/** Decision: the document's `v` equals 1. */
const V_IS_1: Shape = {
  kind: 'decision',
  label: '',
  config: {
    left: { type: 'profile-element', path: 'v' },
    operator: 'equals',
    right: { type: 'static', value: '1' },
  },
};

/** Start → script → Stop: never light. */
const withScript = buildProcess(
  { start: PASSTHROUGH_START, up: scriptShape('return documents;'), end: sink() },
  [
    ['start', 'default', 'up'],
    ['up', 'default', 'end'],
  ],
);

/** The dearest light run: 30 Decisions reading a field, over 16 documents of 16 KiB in all. */
function dearestLightRun() {
  const shapes: Record<string, Shape> = { start: PASSTHROUGH_START, end: sink() };
  const wires: [string, string, string][] = [];
  let previous = 'start';
  for (let i = 0; i < 30; i++) {
    shapes[`d${i}`] = V_IS_1;
    wires.push([previous, previous === 'start' ? 'default' : 'true', `d${i}`]);
    previous = `d${i}`;
  }
  wires.push([previous, 'true', 'end']);
  const padded = `{"v":1,"p":"${'x'.repeat(1000)}"}`;
  return {
    dearest: buildProcess(shapes, wires),
    sixteen: docs(...Array.from({ length: 16 }, () => padded)),
  };
}

describe('a light run', () => {
  /** Start → Decision (v = 1) → Stop: routing only. */
  const light = buildProcess({ start: PASSTHROUGH_START, route: V_IS_1, end: sink() }, [
    ['start', 'default', 'route'],
    ['route', 'true', 'end'],
  ]);
  const none = { execute: async () => [] };

  it('runs on the host thread without starting an engine thread; one with a script starts one', async () => {
    const cold = createEnginePool({ threads: 1, runsPerThread: 2 });
    try {
      const here = recordingListener();
      const outcome = await cold.execute(light, {
        startDocuments: docs('{"v":1}', '{"v":2}'),
        connectors: none,
        listener: here.listener,
      });
      expect(outcome.status).toBe('complete');
      expect(outcome.shapes['end']).toMatchObject({ documentsIn: 1 });
      expect(here.events).toContainEqual(['started', 'end', ['{"v":1}']]);
      expect(cold.threads()).toHaveLength(0);
      const scripted = await cold.execute(withScript, {
        startDocuments: docs('a'),
        connectors: none,
      });
      expect(scripted.status).toBe('complete');
      expect(cold.threads()).toHaveLength(1);
    } finally {
      await cold.close();
    }
  });

  it('goes to a thread when its start documents are many or large (a webhook body)', async () => {
    const cold = createEnginePool({ threads: 1, runsPerThread: 2 });
    try {
      const large = `{"v":1,"pad":"${'x'.repeat(20_000)}"}`;
      const outcome = await cold.execute(light, { startDocuments: docs(large), connectors: none });
      expect(outcome.shapes['end']).toMatchObject({ documentsIn: 1 });
      expect(cold.threads()).toHaveLength(1);
    } finally {
      await cold.close();
    }
  });

  it('ends as it would in a thread when its listener throws: run to the end, failed naming the listener', async () => {
    const listener = {
      shapeStarted: (shapeId: string) => {
        if (shapeId === 'route') {
          throw new Error('db down');
        }
      },
    };
    const cold = createEnginePool({ threads: 1, runsPerThread: 1 });
    try {
      const here = await cold.execute(light, {
        startDocuments: docs('{"v":1}'),
        connectors: none,
        listener,
      });
      expect(cold.threads()).toHaveLength(0);
      expect(here).toMatchObject({
        status: 'error',
        error: "The run's listener failed: db down",
        shapes: { end: { status: 'done', documentsIn: 1 } },
      });
    } finally {
      await cold.close();
    }
  });

  it("calls a listener's methods wherever they are defined, with the listener as `this`", async () => {
    class Counting {
      readonly started: string[] = [];
      shapeStarted(shapeId: string) {
        this.started.push(shapeId);
      }
    }
    const counting = new Counting();
    const cold = createEnginePool({ threads: 1, runsPerThread: 1 });
    try {
      const outcome = await cold.execute(light, {
        startDocuments: docs('{"v":1}'),
        connectors: none,
        listener: counting,
      });
      expect(cold.threads()).toHaveLength(0);
      expect(outcome.status).toBe('complete');
      expect(counting.started).toEqual(['start', 'route', 'end']);
    } finally {
      await cold.close();
    }
  });

  it('ends as ERROR, not a rejection, when a store it reads fails', async () => {
    const cold = createEnginePool({ threads: 1, runsPerThread: 1 });
    try {
      // Every run reads the process's stored properties first, used or not.
      const outcome = await cold.execute(light, {
        startDocuments: docs('{}'),
        connectors: none,
        persistedProperties: {
          load: async () => {
            throw new Error('store down');
          },
          save: async () => undefined,
        },
      });
      expect(cold.threads()).toHaveLength(0);
      expect(outcome).toMatchObject({
        status: 'error',
        error: expect.stringContaining('store down'),
      });
    } finally {
      await cold.close();
    }
  });

  it('takes at most eight of the dearest on the host in one turn of its event loop, the rest in threads', async () => {
    const { dearest, sixteen } = dearestLightRun();
    const cold = createEnginePool({ threads: 1, runsPerThread: 4 });
    const cheap = createEnginePool({ threads: 1, runsPerThread: 4 });
    try {
      // All nine start before any of them runs: what a worker's fetch of nine does.
      const outcomes = await Promise.all(
        Array.from({ length: 9 }, () =>
          cold.execute(dearest, { startDocuments: sixteen, connectors: none }),
        ),
      );
      expect(outcomes.map((o) => o.shapes['end']?.documentsIn)).toEqual(Array(9).fill(16));
      expect(cold.threads()).toHaveLength(1);
      // A hundred Start -> Stop in one turn are a sliver of that work.
      const stop = buildProcess({ end: sink() }, [['start', 'default', 'end']]);
      const quick = await Promise.all(
        Array.from({ length: 100 }, () => cheap.execute(stop, { connectors: none })),
      );
      expect(quick.every((o) => o.status === 'complete')).toBe(true);
      expect(cheap.threads()).toHaveLength(0);
    } finally {
      await Promise.all([cold.close(), cheap.close()]);
    }
  });

  it('takes the turn’s share when it runs, not when it starts: reads answered together count together', async () => {
    const { dearest, sixteen } = dearestLightRun();
    // One read answers every run's, as the server's batched statement does.
    let answer: (properties: Record<string, string>) => void = () => undefined;
    const stored = new Promise<Record<string, string>>((resolve) => {
      answer = resolve;
    });
    const cold = createEnginePool({ threads: 1, runsPerThread: 4 });
    try {
      const running: Promise<RunOutcome>[] = [];
      for (let i = 0; i < 12; i++) {
        // Each starts in a turn of its own, with that turn's share untouched.
        await new Promise((resolve) => setImmediate(resolve));
        running.push(
          cold.execute(dearest, {
            startDocuments: sixteen,
            connectors: none,
            persistedProperties: { load: () => stored, save: async () => undefined },
          }),
        );
      }
      answer({});
      const outcomes = await Promise.all(running);
      expect(outcomes.map((o) => o.shapes['end']?.documentsIn)).toEqual(Array(12).fill(16));
      expect(cold.threads()).toHaveLength(1);
    } finally {
      await cold.close();
    }
  });
});
