import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type Figure, fmt } from '../measure.ts';

const RECORDS = 100_000;

interface Flow {
  ms: number;
  mapUs: number;
  /** Median over rounds of the flow's time over the loop's in the same round. */
  ratio: number;
}

/**
 * The Map (issue 17, "Maps as fast as code"): the reference flow with map
 * functions against the same transforms by hand, and what one document costs in
 * a Map written in JSONata — the fast path and jsonata's interpreter. Measured in
 * a child process, as the engine figures are, so this heap does not weigh on it.
 */
export async function mapFigures(): Promise<Figure[]> {
  const output = execFileSync(
    globalThis.process.execPath,
    [fileURLToPath(new URL('../map-timing.ts', import.meta.url)), String(RECORDS)],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  const { functions, jsonata, interpreted, loopMs } = JSON.parse(
    output.trim().split('\n').at(-1) ?? '{}',
  ) as { functions: Flow; jsonata: Flow; interpreted: { mapUs: number }; loopMs: number };
  const ratio = functions.ratio;
  const us = (value: number) => `${value.toFixed(2)} µs`;
  return [
    {
      figure: `map: reference flow over ${RECORDS.toLocaleString('en')} records with map functions (split, Map: id, upper(name), qty × price; Decision total > 100; Set Properties; Stop; median)`,
      value: `${fmt(functions.ms)} (Map ${us(functions.mapUs)} per document)`,
      comparison: `the same transforms by hand: ${fmt(loopMs)} (engine ×${ratio.toFixed(2)}); the Map in JSONata: ${fmt(jsonata.ms)} (×${jsonata.ratio.toFixed(2)})`,
      target: 'engine ≤ ×2 the hand-written loop',
      met: ratio <= 2,
    },
    {
      figure:
        'map: one document through a Map written in JSONata (`{"id": id, "name": $uppercase(name), "total": qty * price}`, the shape\'s own time)',
      value: us(jsonata.mapUs),
      comparison: `the same expression through jsonata's interpreter (as every JSONata Map ran before): ${us(interpreted.mapUs)} (×${(interpreted.mapUs / jsonata.mapUs).toFixed(1)} faster); map functions: ${us(functions.mapUs)}`,
      target: '≥ ×3 faster than the interpreter',
      met: interpreted.mapUs / jsonata.mapUs >= 3,
    },
  ];
}
