// Writes schema/process.schema.json from the TypeBox definition (the one source of truth).
import { writeFileSync } from 'node:fs';
import { processJsonSchemaText } from '../src/json-schema.ts';

const target = new URL('../schema/process.schema.json', import.meta.url);
writeFileSync(target, processJsonSchemaText());
console.log(`wrote ${target.pathname}`);
