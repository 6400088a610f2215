import { lazyText, SPENT } from '../documents.ts';
import { type FieldPathSegment, parseFieldPath } from '../field-path.ts';
import { documentJson, JsonDocument } from '../json-document.ts';
import { onDefaultPort } from '../single-port.ts';
import type { DocumentError, RunDocument, ShapeHandler } from '../types.ts';
import { compileJsonata, evaluateJsonata } from './jsonata-eval.ts';
import { compileFastJsonata, FALLBACK, type FastExpression } from './jsonata-fast.ts';
import { type CompiledRows, compileRows } from './map-plan.ts';

type Path = readonly FieldPathSegment[];

const isPrefix = (short: Path, long: Path) =>
  short.length < long.length && short.every((segment, i) => String(segment) === String(long[i]));

// A field a JSON object or array only inherits (constructor, toString, length, __proto__…):
// reading one gives a function or a prototype, writing `__proto__` sets the prototype.
const builtIn = (segment: FieldPathSegment) =>
  typeof segment === 'string' && (segment in Object.prototype || segment in Array.prototype);

/**
 * Whether rows alone (no expression) build the target out of fresh objects and
 * JSON values, so the source's kept parsed value can be read instead of parsed
 * again, and the target kept beside its text (it must read back the same). Not
 * when a row writes inside what an earlier row copied (its `to` extends the
 * earlier `to`: the write would change the shared source value), when a `to` path
 * makes arrays (holes read differently from the nulls the text has), or when a
 * path names a built-in field (its value is no JSON).
 */
function rowsOnly(
  expression: string,
  rows: readonly { from: Path | null; to: Path | null }[],
): boolean {
  if (expression.trim() !== '') {
    return false;
  }
  const paths: Path[] = [];
  for (const { from, to } of rows) {
    if (!from || !to || from.some(builtIn) || to.some(builtIn)) {
      return false;
    }
    if (to.some((segment) => typeof segment === 'number')) {
      return false;
    }
    paths.push(to);
  }
  return paths.every((to, j) => paths.slice(j + 1).every((later) => !isPrefix(to, later)));
}

type MapConfig = Parameters<ShapeHandler<'map'>['run']>[0]['config'];

interface PreparedMap {
  compiled: ReturnType<typeof compileJsonata> | undefined;
  /** The expression without jsonata's interpreter, when it is simple enough (jsonata-fast.ts). */
  fast: FastExpression | undefined;
  plain: boolean;
  build: CompiledRows;
}

/**
 * Each Map is compiled once, when a run first reaches it: its expression, and its
 * rows with their map functions into one function. Keyed by the config object,
 * which the engine never changes (a process is immutable data), so a shape that
 * gets many small batches (Flow Control, loops) is not compiled per batch.
 */
const PREPARED = new WeakMap<MapConfig, PreparedMap>();

function prepared(config: MapConfig): PreparedMap {
  let map = PREPARED.get(config);
  if (map === undefined) {
    const { expression, mappings } = config;
    const rows = mappings.map((row) => ({
      from: parseFieldPath(row.from),
      to: parseFieldPath(row.to),
    }));
    const compiled = expression.trim() === '' ? undefined : compileJsonata(expression);
    map = {
      compiled,
      fast:
        compiled === undefined || compiled instanceof Error
          ? undefined
          : compileFastJsonata(compiled.ast()),
      plain: rowsOnly(expression, rows),
      build: compileRows(mappings),
    };
    PREPARED.set(config, map);
  }
  return map;
}

/**
 * Map (process-semantics.md §3.3): builds a new document from each input — the
 * JSONata expression's result (or `{}`), then each row copies a source field onto
 * it. A document that is not JSON, an expression error, or no output at all fails
 * that document only. Properties read inside the map are those the document
 * entered with, as in Boomi.
 */
export const mapHandler: ShapeHandler<'map'> = {
  consumesInputs: true,
  async run(shape, inputs, ctx) {
    const { compiled, fast, plain, build } = prepared(shape.config);
    const outputs: RunDocument[] = [];
    const errors: DocumentError[] = [];
    // Indexed loops: no iterator per document, nor an iterator result per row.
    for (let i = 0; i < inputs.length; i++) {
      const doc = inputs[i] as RunDocument;
      try {
        // Otherwise the source is parsed afresh: the expression or the rows may change it.
        const kept = plain && JsonDocument.keeps(doc);
        // A kept value's text is never empty; not reading it spares writing it.
        const source: unknown = kept
          ? documentJson(doc)
          : doc.data.trim() === ''
            ? {}
            : JSON.parse(doc.data);
        let start: unknown = {};
        if (compiled) {
          // No await on the fast path: an await per document costs a microtask turn.
          const quick = fast ? fast(source, doc, ctx) : FALLBACK;
          start = quick === FALLBACK ? await evaluateJsonata(compiled, source, doc, ctx) : quick;
        }
        const target = build(source, start);
        if (target === undefined) {
          throw new Error('The map produced no output.');
        }
        // Map changes no property: the output shares the input's map (never changed in place).
        outputs.push(
          kept
            ? JsonDocument.of(doc.id, doc.parentId, doc.properties, target, lazyText(ctx))
            : { ...doc, data: JSON.stringify(target) },
        );
      } catch (error) {
        errors.push({ document: doc, message: `Map: ${(error as Error).message}` });
      }
      // Done with it: the output (or the error) is all that is kept of the input.
      inputs[i] = SPENT;
    }
    return onDefaultPort(outputs, errors);
  },
};
