import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { runScript, type ScriptInput } from './script-sandbox.ts';

const INPUT: ScriptInput = {
  documents: [{ data: 'x', properties: {} }],
  processProperties: {},
  executionProperties: {},
};
const LIMITS = { timeoutMs: 5_000, memoryBytes: 32 * 1024 * 1024 };
const signal = new AbortController().signal;

const run = (source: string, limits = LIMITS) => runScript(source, INPUT, limits, signal);

/** Node's own collector, so a memory reading counts only what is still reachable. */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

describe('script sandbox isolation', () => {
  it('survives repeated stack overflows and deep JSON.parse; later scripts still run', async () => {
    for (let i = 0; i < 15; i++) {
      await expect(run('function f(n) { return f(n + 1) + 1 } f(0)')).rejects.toThrow(
        /stack overflow/,
      );
      await expect(
        run('JSON.parse("[".repeat(20000) + "]".repeat(20000)); return [];'),
      ).rejects.toThrow(/stack overflow/);
    }
    const output = await run('return ["still works"];');
    expect(output.documents).toEqual([{ data: 'still works', properties: {}, source: -1 }]);
  }, 60_000);

  it('lets a script catch its own stack overflow (the stack limit is QuickJS’s, enforced)', async () => {
    const output = await run(
      'let depth = 0; function f() { depth++; f(); } try { f(); } catch (e) { return [String(e)]; }',
    );
    expect(output.documents).toEqual([
      { data: 'InternalError: stack overflow', properties: {}, source: -1 },
    ]);
  });

  it('stops a script that allocates past its memory limit, typed array storage included', async () => {
    // 256 MB of typed arrays, which QuickJS's own accounting lets through.
    const typed =
      'const a = []; for (let i = 0; i < 256; i++) a.push(new Uint8Array(1 << 20)); return [String(a.length)];';
    await expect(run(typed)).rejects.toThrow(
      'The script exceeded its memory limit of 32 MB and was stopped.',
    );
    const objects = 'const a = []; for (;;) a.push({ n: a.length, s: "x" + a.length });';
    await expect(run(objects)).rejects.toThrow(/memory limit of 32 MB/);
    expect((await run('return ["ok"];')).documents).toHaveLength(1);
  }, 60_000);

  it('gives memory back after every run: the process does not grow with the runs', async () => {
    const hog =
      'const a = []; for (let i = 0; i < 192; i++) a.push(new Uint8Array(1 << 20)); return [];';
    await run('return [];');
    collectGarbage();
    const before = process.memoryUsage().external;
    for (let i = 0; i < 8; i++) {
      await run(hog).catch(() => undefined);
    }
    collectGarbage();
    // Each run may reach about 48 MB (16 MB base + its 32 MB); kept, 8 runs would hold 380 MB or more.
    expect(process.memoryUsage().external - before).toBeLessThan(100 * 1024 * 1024);
  }, 60_000);

  it('stops a script at its time limit', async () => {
    await expect(run('while (true) {}', { ...LIMITS, timeoutMs: 200 })).rejects.toThrow(
      'The script exceeded its time limit of 200 ms and was stopped.',
    );
  });

  it('reports what the script threw, whatever it is', async () => {
    await expect(run('throw new TypeError("bad input")')).rejects.toThrow('TypeError: bad input');
    await expect(run('throw "plain text"')).rejects.toThrow('The script threw plain text.');
    await expect(run('throw null')).rejects.toThrow('The script threw null.');
  });

  it('keeps the script out of the prelude: it cannot name or replace the output', async () => {
    const output = await run(
      'if (typeof __out !== "undefined" || typeof out !== "undefined") throw new Error("reachable"); JSON.stringify = () => "{}"; String = () => 1; dataContext.storeStream("kept", {}); return undefined;',
    );
    expect(output.documents).toEqual([{ data: 'kept', properties: {}, source: 0 }]);
  });
});
