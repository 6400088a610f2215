import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { processJsonSchemaText } from './json-schema.ts';

describe('published JSON Schema', () => {
  it('matches the TypeBox definition (run `pnpm --filter @junction/process-model schema` after a change)', () => {
    const published = readFileSync(
      new URL('../schema/process.schema.json', import.meta.url),
      'utf8',
    );
    expect(published).toBe(processJsonSchemaText());
  });
});
