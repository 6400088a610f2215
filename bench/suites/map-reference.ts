import type { ProcessDocument, Shape } from '@junction/process-model';
import { referenceFlow } from './engine-reference.ts';

type MapConfig = Extract<Shape, { kind: 'map' }>['config'];

/**
 * The reference flow of the Map figures (issue 17): split → Map (id, upper-cased
 * name, total = qty × price) → Decision total > 100 → Set Properties → Stop. The
 * Map is given as map functions or as a JSONata expression.
 */
export const MAP_WITH_FUNCTIONS: MapConfig = {
  expression: '',
  mappings: [
    { from: 'id', to: 'id' },
    { from: 'name', to: 'name', steps: [{ fn: 'upper' }] },
    {
      from: 'qty',
      to: 'total',
      steps: [{ fn: 'multiply', operand: { type: 'field', path: 'price' } }],
    },
  ],
};

export const MAP_WITH_JSONATA: MapConfig = {
  expression: '{"id": id, "name": $uppercase(name), "total": qty * price}',
  mappings: [],
};

/**
 * The same expression in a block, which the fast path leaves to jsonata's
 * interpreter: what every JSONata Map cost before, measured in the same run.
 */
export const MAP_WITH_JSONATA_INTERPRETED: MapConfig = {
  expression: '({"id": id, "name": $uppercase(name), "total": qty * price})',
  mappings: [],
};

export function mapReferenceProcess(map: MapConfig): ProcessDocument {
  return referenceFlow({
    id: 'map-reference',
    name: 'Map reference',
    map,
    decide: { path: 'total', operator: 'gt', value: '100' },
    property: { name: 'customer', path: 'name' },
  });
}

interface Order {
  id: number;
  name: string;
  qty: number;
  price: number;
}

/** Records of which about half pass the decision (total > 100). */
export function mapReferenceInput(records: number) {
  const array: Order[] = Array.from({ length: records }, (_, i) => ({
    id: i,
    name: `customer ${i}`,
    qty: (i % 10) + 1,
    price: 19.5,
  }));
  return [{ id: 'input', data: JSON.stringify(array), properties: {} }];
}

/** How many records the decision lets through: its true path's count. */
export const passing = (records: number) =>
  Array.from({ length: records }, (_, i) => ((i % 10) + 1) * 19.5 > 100).filter(Boolean).length;

/**
 * The same flow written by hand, in the style of engine-reference.ts: each shape
 * boundary is a JSON text, as documents are, so the floor does what the flow must.
 */
export function handWrittenMap(data: string): number {
  const out: { data: string; properties: Record<string, string> }[] = [];
  for (const record of JSON.parse(data) as Order[]) {
    const split = JSON.stringify(record);
    const parsed = JSON.parse(split) as Order;
    const mapped = JSON.stringify({
      id: parsed.id,
      name: parsed.name.toUpperCase(),
      total: parsed.qty * parsed.price,
    });
    const decided = JSON.parse(mapped) as { name: string; total: number };
    if (Number(decided.total) > 100) {
      out.push({ data: mapped, properties: { customer: decided.name } });
    }
  }
  return out.length;
}
