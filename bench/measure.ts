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

/**
 * `fn` and its floor timed in turn, `runs` times each after `warmup` of each: both see
 * the same machine (a shared one drifts within a minute), and each pair's ratio is taken
 * back to back. Medians of each, and the median ratio of fn to floor.
 */
export async function medianPairMs(
  fn: () => unknown | Promise<unknown>,
  floor: () => unknown | Promise<unknown>,
  runs: number,
  warmup = 1,
): Promise<{ fn: number; floor: number; ratio: number }> {
  const timed = async (f: () => unknown | Promise<unknown>) => {
    const start = performance.now();
    await f();
    return performance.now() - start;
  };
  for (let i = 0; i < warmup; i++) {
    await fn();
    await floor();
  }
  const fns: number[] = [];
  const floors: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < runs; i++) {
    const a = await timed(fn);
    const b = await timed(floor);
    fns.push(a);
    floors.push(b);
    ratios.push(a / b);
  }
  const median = (xs: number[]) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
  return { fn: median(fns), floor: median(floors), ratio: median(ratios) };
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
