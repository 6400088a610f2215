import type { Shape } from '@junction/process-model';
import { buildProcess, PASSTHROUGH_START, sink } from '@junction/runtime/testing';
import type { FastifyInstance } from 'fastify';

/** Message shape "Shout": `<v>!` for a JSON document `{"v": …}`. */
const shout: Shape = {
  kind: 'message',
  label: 'Shout',
  config: {
    text: '{1}!',
    parameters: [{ type: 'profile-element', path: 'v' }],
    jsonSafe: false,
    combineDocuments: false,
  },
};

/** Start (passthrough) -> Shout -> End: what reaches End shows what Shout was given. */
export const shoutProcess = (id = 'shout-process') =>
  buildProcess(
    { start: PASSTHROUGH_START, shout, end: sink() },
    [
      ['start', 'default', 'shout'],
      ['shout', 'default', 'end'],
    ],
    { id, name: 'Shout' },
  );

export const v = (value: string) => JSON.stringify({ v: value });

/** Polls until the run waits at a pause (or gives up after ~20 s). */
export async function pauseOf(app: FastifyInstance, runId: string, headers = {}) {
  for (let i = 0; i < 400; i++) {
    const res = await app.inject({ url: `/api/runs/${runId}/pause`, headers });
    if (res.statusCode === 200) {
      return res.json() as {
        pause: number;
        shapeId: string;
        reason: string;
        documents: Array<{ id: string; data: string; properties: Record<string, string> }>;
        documentCount: number;
        expiresAt: string;
      };
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`run ${runId} never paused`);
}
