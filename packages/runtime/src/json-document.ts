import type { RunDocument } from './types.ts';

/**
 * A document whose data is JSON the runtime produced itself: it keeps the parsed
 * value beside the text, so the next shapes (Map, Decision, Set Properties, …)
 * read fields without parsing the same text again. `data` is still a plain
 * string, written once, so listeners, the recorder and stored runs see exactly
 * the text they always saw.
 *
 * The value is shared by every reader and must never be changed; only read-only
 * code gets it (`documentJson`). Code that edits parsed data parses its own copy.
 * It is valid only for the text it was made with: a copy with other data (a
 * spread, or a later assignment to `data`) is parsed again.
 *
 * The value is always deep-equal to `JSON.parse(data)`: it is made by `JSON.parse`
 * (checked with `isExactJson`) or from another kept value, never from data that
 * would read back differently.
 */
export class JsonDocument implements RunDocument {
  // `declare`: no field initialisers, so keys are created in the order the
  // constructor assigns them, the same order as the object literals elsewhere.
  declare id: string;
  declare parentId?: string;
  declare data: string;
  declare properties: Record<string, string>;
  readonly #text: string;
  readonly #value: unknown;

  // Positional arguments: one document is made per record, so no options object each time.
  private constructor(
    id: string,
    parentId: string | undefined,
    properties: Record<string, string>,
    text: string,
    value: unknown,
  ) {
    this.id = id;
    if (parentId !== undefined) {
      this.parentId = parentId;
    }
    this.data = text;
    this.properties = properties;
    this.#text = text;
    this.#value = value;
  }

  /**
   * A document holding `value`, which must be JSON data that reads back the same
   * from its text (a kept value, a part of one, or parsed data `isExactJson`
   * accepts; no holes, undefined or prototypes) and that nobody changes. Its data
   * is `JSON.stringify(value)`.
   */
  static of(
    id: string,
    parentId: string | undefined,
    properties: Record<string, string>,
    value: unknown,
  ): RunDocument {
    return new JsonDocument(id, parentId, properties, JSON.stringify(value), value);
  }

  /** Whether `doc` keeps a value for its current data. */
  static keeps(doc: RunDocument): boolean {
    return doc instanceof JsonDocument && doc.#text === doc.data;
  }

  /** The kept value when `doc` has one for its current data, else `JSON.parse(doc.data)`. */
  static json(doc: RunDocument): unknown {
    return doc instanceof JsonDocument && doc.#text === doc.data
      ? doc.#value
      : JSON.parse(doc.data);
  }

  /** `doc` as a document of its own, with no parent; the kept value stays. */
  static withoutParent(doc: RunDocument): RunDocument {
    if (doc instanceof JsonDocument && doc.#text === doc.data) {
      return new JsonDocument(doc.id, undefined, doc.properties, doc.#text, doc.#value);
    }
    const { parentId: _parent, ...rest } = doc;
    return rest;
  }

  /** `doc` with other properties; the kept value stays when the data is the same. */
  static withProperties(doc: RunDocument, properties: Record<string, string>): RunDocument {
    if (doc instanceof JsonDocument && doc.#text === doc.data) {
      return new JsonDocument(doc.id, doc.parentId, properties, doc.#text, doc.#value);
    }
    return { ...doc, properties };
  }
}

/**
 * The document's data parsed as JSON, for code that only reads it: the kept value
 * when there is one, else a fresh `JSON.parse` (which throws on text that is not JSON).
 */
export function documentJson(doc: RunDocument): unknown {
  return JsonDocument.json(doc);
}

/**
 * Whether a value reads back equal from `JSON.stringify`: false when it holds a
 * number the text cannot carry, a literal that overflowed to ±Infinity (written
 * `null`), -0 (written `0`), or anything that is not plain JSON data (undefined,
 * a hole, a Date or other object made in code). Only a value for which it is true
 * may be kept beside its text.
 * A loop with its own stack, not recursion: documents may nest deeply.
 */
export function isExactJson(value: unknown): boolean {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const current = pending.pop();
    switch (typeof current) {
      case 'string':
      case 'boolean':
        break;
      case 'number':
        if (!Number.isFinite(current) || Object.is(current, -0)) {
          return false;
        }
        break;
      case 'object':
        if (current === null) {
          break;
        }
        if (Array.isArray(current)) {
          for (let i = 0; i < current.length; i++) {
            pending.push(current[i]);
          }
          break;
        }
        // Values made in code rather than parsed (a Date, a class) read back as something else.
        if (Object.getPrototypeOf(current) !== Object.prototype) {
          return false;
        }
        for (const key in current) {
          pending.push((current as Record<string, unknown>)[key]);
        }
        break;
      default:
        // undefined (also an array hole), functions, symbols, bigints: not JSON.
        return false;
    }
  }
  return true;
}
