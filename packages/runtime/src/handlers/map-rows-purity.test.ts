import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));

/** Every import specifier of a module (static `import … from` and `export … from`). */
function specifiers(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^(?:import|export)\s[^;]*?from\s+'([^']+)'/gms)].map(
    (m) => m[1] as string,
  );
}

describe('@junction/runtime/map-rows', () => {
  // The web bundles this subpath for the mapper's preview: it must stay pure, or a
  // later import (jsonata, QuickJS, node:*) would land in the browser's chunk.
  it('reaches only its own files and @junction/process-model', () => {
    const seen = new Set<string>();
    const external = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) {
        return;
      }
      seen.add(file);
      for (const spec of specifiers(file)) {
        if (spec.startsWith('.')) {
          visit(resolve(dirname(file), spec));
        } else {
          external.add(spec);
        }
      }
    };
    visit(resolve(here, 'map-plan.ts'));
    expect([...external]).toEqual(['@junction/process-model']);
    expect(seen.size).toBeLessThanOrEqual(5);
  });
});
