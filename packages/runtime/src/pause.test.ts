import { describe, expect, it } from 'vitest';
import type { PauseAnswer, PauseRequest } from './pause.ts';
import { docs, runTest, shoutProcess } from './test-support.ts';
import { createEnginePool } from './threads/engine-pool.ts';

const v = (value: string) => JSON.stringify({ v: value });

//   start ─▶ shout ─▶ end
const process = shoutProcess();

/** A host that answers each pause from a script and remembers what it was shown. */
function scriptedHost(answers: PauseAnswer[]) {
  const seen: PauseRequest[] = [];
  return {
    seen,
    pauseAt: async (request: PauseRequest) => {
      seen.push(request);
      const answer = answers.shift();
      if (!answer) {
        throw new Error('paused more often than the test expected');
      }
      return answer;
    },
  };
}

describe('breakpoints and stepping', () => {
  it('pauses before a breakpoint shape with its waiting documents, then continues', async () => {
    const host = scriptedHost([{ action: 'continue' }]);
    const run = await runTest(process, {
      testMode: true,
      startDocuments: docs(v('a'), v('b')),
      breakpoints: ['shout'],
      pauseAt: host.pauseAt,
    });
    expect(host.seen).toEqual([
      {
        shapeId: 'shout',
        reason: 'breakpoint',
        documents: [
          { id: 'in1', data: v('a'), properties: {} },
          { id: 'in2', data: v('b'), properties: {} },
        ],
      },
    ]);
    expect(run.outcome.status).toBe('complete');
    expect(run.dataAt('end')).toEqual(['a!', 'b!']);
    const notes = (run.outcome.log ?? [])
      .filter((l) => l.shapeId === 'shout')
      .map((l) => l.message);
    expect(notes).toEqual(['Paused before Shout (breakpoint), 2 documents waiting.', 'Continued.']);
  });

  it('runs the shape with an edited waiting document and its edited properties', async () => {
    const host = scriptedHost([
      { action: 'continue', documents: [{ id: 'in2', data: v('B'), properties: { who: 'me' } }] },
    ]);
    const run = await runTest(process, {
      testMode: true,
      startDocuments: docs(v('a'), v('b')),
      breakpoints: ['shout'],
      pauseAt: host.pauseAt,
    });
    expect(run.dataAt('end')).toEqual(['a!', 'B!']);
    expect(run.inputs.get('shout')?.[0]?.[1]).toMatchObject({
      id: 'in2',
      properties: { who: 'me' },
    });
  });

  it('steps: pauses again before the next shape, and nowhere after a Continue', async () => {
    const host = scriptedHost([{ action: 'step' }, { action: 'continue' }]);
    const run = await runTest(process, {
      testMode: true,
      startDocuments: docs(v('a')),
      breakpoints: ['shout'],
      pauseAt: host.pauseAt,
    });
    expect(host.seen.map((p) => [p.shapeId, p.reason])).toEqual([
      ['shout', 'breakpoint'],
      ['end', 'step'],
    ]);
    expect(host.seen[1]?.documents.map((d) => d.data)).toEqual(['a!']);
    expect(run.outcome.status).toBe('complete');
  });

  it('stops: the run ends ABORTED before the shape runs, saying why', async () => {
    const host = scriptedHost([{ action: 'stop' }]);
    const run = await runTest(process, {
      testMode: true,
      startDocuments: docs(v('a')),
      breakpoints: ['shout'],
      pauseAt: host.pauseAt,
    });
    expect(run.outcome.status).toBe('aborted');
    expect(run.outcome.error).toBe('Stopped while paused before Shout.');
    expect(run.order).toEqual(['start']);
  });

  it('ends ABORTED when cancelled while paused', async () => {
    const controller = new AbortController();
    const outcome = runTest(process, {
      testMode: true,
      startDocuments: docs(v('a')),
      breakpoints: ['shout'],
      signal: controller.signal,
      pauseAt: (_request, signal) =>
        new Promise((_resolve, reject) => {
          signal.addEventListener('abort', () => reject(new Error('gone')), { once: true });
          controller.abort();
        }),
    });
    expect((await outcome).outcome.status).toBe('aborted');
  });

  it('never pauses outside Test mode, whatever breakpoints say', async () => {
    const host = scriptedHost([]);
    const run = await runTest(process, {
      startDocuments: docs(v('a')),
      breakpoints: ['shout'],
      pauseAt: host.pauseAt,
    });
    expect(run.outcome.status).toBe('complete');
    expect(host.seen).toEqual([]);
  });

  it('pauses the same way in an engine thread, with the edit coming back across', async () => {
    const pool = createEnginePool({ threads: 1, runsPerThread: 1, memoryMb: 256 });
    try {
      const host = scriptedHost([
        { action: 'step', documents: [{ id: 'in1', data: v('x'), properties: {} }] },
        { action: 'continue' },
      ]);
      const arrived: string[] = [];
      const outcome = await pool.execute(process, {
        connectors: { execute: async () => [] },
        testMode: true,
        startDocuments: docs(v('a')),
        breakpoints: ['shout'],
        pauseAt: host.pauseAt,
        listener: {
          shapeStarted: (id, batch) => {
            if (id === 'end') {
              arrived.push(...batch.map((d) => d.data));
            }
          },
        },
      });
      expect(outcome.status).toBe('complete');
      expect(host.seen.map((p) => p.shapeId)).toEqual(['shout', 'end']);
      expect(arrived).toEqual(['x!']);
    } finally {
      await pool.close();
    }
  });
});
