import type { FastifyInstance } from 'fastify';

/** A JSON document `{"v": …}`, what the Shout process (`shoutProcess` in @junction/runtime/testing) reads. */
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
