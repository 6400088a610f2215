import { afterEach, describe, expect, it, vi } from 'vitest';
import { everyShapeProcess } from '../fixtures/every-shape.ts';
import { canGenerateCode, setCodeGeneration } from './checker.ts';
import { validateProcess } from './validate.ts';

afterEach(() => {
  vi.unstubAllGlobals();
  setCodeGeneration(undefined);
});

function broken(): unknown {
  // A deep copy: the fixture shares its shape objects between calls.
  const doc = structuredClone(everyShapeProcess()) as unknown as {
    shapes: Record<string, { config: Record<string, unknown> }>;
    connections: unknown[];
  };
  const map = doc.shapes['map'];
  if (map) {
    map.config['mappings'] = 'nope';
  }
  doc.connections.push({ id: 7 });
  return doc;
}

describe('compiled and interpretive checks', () => {
  it('detects a CSP that forbids code generation (no unsafe-eval), once', () => {
    setCodeGeneration(undefined);
    const refuse = vi.fn(() => {
      throw new EvalError('Refused to evaluate a string as JavaScript');
    });
    vi.stubGlobal('Function', refuse);
    expect(canGenerateCode()).toBe(false);
    expect(canGenerateCode()).toBe(false);
    expect(refuse).toHaveBeenCalledTimes(1);
  });

  it('give the same issues either way', () => {
    setCodeGeneration(true);
    const compiled = [validateProcess(everyShapeProcess()), validateProcess(broken())];
    setCodeGeneration(false);
    const interpreted = [validateProcess(everyShapeProcess()), validateProcess(broken())];
    expect(interpreted).toEqual(compiled);
    expect(compiled[0]).toEqual([]);
    expect(compiled[1]?.map((i) => i.pointer)).toEqual(
      expect.arrayContaining(['/connections/29/id', '/shapes/map/config/mappings']),
    );
  });
});
