/** Runs `fn` repeatedly and returns the median duration in milliseconds. */
export async function medianMs(
  fn: () => unknown | Promise<unknown>,
  runs: number,
  warmup = 3,
): Promise<number> {
  for (let i = 0; i < warmup; i++) {
    await fn();
  }
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export interface Figure {
  figure: string;
  value: string;
  comparison: string;
  target: string;
  met: boolean;
}

export const fmt = (ms: number) =>
  ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(2)} ms`;
