import type { DataProcessStep } from '@junction/process-model';
import { appendAll } from '../append.ts';
import { deriveDocument, deriveJsonDocument } from '../documents.ts';
import { parseFieldPath, readPath } from '../field-path.ts';
import { processError } from '../halt.ts';
import { documentJson, isExactJson, JsonDocument } from '../json-document.ts';
import { onDefaultPort } from '../single-port.ts';
import type { DocumentError, RunContext, RunDocument, ShapeHandler } from '../types.ts';
import { userRegex } from '../user-regex.ts';
import { runCustomScript } from './custom-script.ts';

type Step<T extends DataProcessStep['type']> = Extract<DataProcessStep, { type: T }>;

interface Batch {
  docs: RunDocument[];
  errors: DocumentError[];
}

/** Runs `change` per document; a throw fails that document only. */
function perDocument(batch: Batch, change: (doc: RunDocument) => RunDocument[]): Batch {
  const docs: RunDocument[] = [];
  const errors = [...batch.errors];
  // Indexed: no iterator result per document.
  for (let i = 0; i < batch.docs.length; i++) {
    const doc = batch.docs[i] as RunDocument;
    try {
      appendAll(docs, change(doc));
    } catch (error) {
      errors.push({ document: doc, message: `Data Process: ${(error as Error).message}` });
    }
  }
  return { docs, errors };
}

function split(step: Step<'split'>, doc: RunDocument, ctx: RunContext): RunDocument[] {
  const path = parseFieldPath(step.path);
  if (!path) {
    throw new Error(`"${step.path}" is not a field path.`);
  }
  const array = readPath(documentJson(doc), path);
  if (!Array.isArray(array)) {
    throw new Error(`"${step.path}" is not an array.`);
  }
  // Records keep their parsed value (Map, Decision… need not parse them again)
  // when they read back the same from their text.
  const keep = JsonDocument.keeps(doc) || isExactJson(array);
  // Batch Count 0 or 1: one record per document; more: arrays of up to that many.
  const size = Math.max(1, step.batchCount);
  const out: RunDocument[] = [];
  for (let i = 0; i < array.length; i += size) {
    const part = size === 1 ? array[i] : array.slice(i, i + size);
    out.push(
      keep ? deriveJsonDocument(doc, part, ctx) : deriveDocument(doc, JSON.stringify(part), ctx),
    );
  }
  return out;
}

/** Joins the batch's JSON documents into one array; array documents contribute their elements. */
function combine(batch: Batch, ctx: RunContext): Batch {
  const first = batch.docs[0];
  if (!first) {
    return batch;
  }
  const items: unknown[] = [];
  const errors = [...batch.errors];
  const parts: RunDocument[] = [];
  for (const doc of batch.docs) {
    try {
      // Only read: a kept value spares writing the text and parsing it back.
      const value: unknown = documentJson(doc);
      appendAll(items, Array.isArray(value) ? value : [value]);
      parts.push(doc);
    } catch (error) {
      errors.push({ document: doc, message: `Data Process: ${(error as Error).message}` });
    }
  }
  const head = parts[0];
  return head
    ? { docs: [deriveDocument(head, JSON.stringify(items), ctx)], errors }
    : { docs: [], errors };
}

function searchReplace(step: Step<'search-replace'>, data: string): string {
  if (step.regex) {
    // The linear-time engine, not RegExp: a search like (a+)+b must not hang the
    // run. Its replaceAll expands $&, $1 and $<name> as String.prototype.replace does.
    return userRegex(step.search).matcher(data).replaceAll(step.replace);
  }
  // Literal mode: a function replacement keeps `$&`-style sequences literal.
  return step.search === '' ? data : data.replaceAll(step.search, () => step.replace);
}

async function runStep(step: DataProcessStep, batch: Batch, ctx: RunContext): Promise<Batch> {
  switch (step.type) {
    case 'split':
      return perDocument(batch, (doc) => split(step, doc, ctx));
    case 'combine':
      return combine(batch, ctx);
    case 'base64-encode':
      return perDocument(batch, (doc) => [
        { ...doc, data: Buffer.from(doc.data, 'utf8').toString('base64') },
      ]);
    case 'base64-decode':
      return perDocument(batch, (doc) => {
        if (!/^[A-Za-z0-9+/\s]*={0,2}\s*$/.test(doc.data)) {
          throw new Error('The document is not Base64.');
        }
        return [{ ...doc, data: Buffer.from(doc.data, 'base64').toString('utf8') }];
      });
    case 'search-replace':
      return perDocument(batch, (doc) => [{ ...doc, data: searchReplace(step, doc.data) }]);
    case 'custom-script':
      try {
        const result = await runCustomScript(step.source, batch.docs, ctx);
        return { docs: result.docs, errors: [...batch.errors, ...result.errors] };
      } catch (error) {
        // A script error fails the whole batch: a process error (process-semantics.md §7.1).
        throw processError(`Custom script: ${(error as Error).message}`);
      }
  }
}

/**
 * Data Process (§3.3): the steps run in order, each on the whole batch the
 * previous one produced: Split (JSON array by path, Batch Count), Combine, Base64
 * encode/decode, Search/Replace, Custom Scripting (JavaScript in QuickJS).
 */
export const dataProcessHandler: ShapeHandler<'data-process'> = {
  async run(shape, inputs, ctx) {
    let batch: Batch = { docs: inputs, errors: [] };
    for (const step of shape.config.steps) {
      if (batch.docs.length === 0) {
        break;
      }
      batch = await runStep(step, batch, ctx);
    }
    return onDefaultPort(batch.docs, batch.errors);
  },
};
