import { constants } from 'node:buffer';
import type { RunDocument } from './types.ts';

/**
 * A document whose data is JSON the runtime produced itself: it keeps the parsed
 * value, so the next shapes (Map, Decision, Set Properties, …) read fields without
 * parsing text again.
 *
 * Its text is written when it is made, or, when the maker asks (`of`'s `lazy`), only
 * once something reads `data`. An execution whose documents nobody stores (a split,
 * a Map, a Decision, a Stop) then never writes them: not writing them took a
 * million-record execution's peak memory from about 1,015 MB to about 860 MB. A
 * lazy `data` is an own, enumerable accessor, so a spread, `JSON.stringify`, a structured clone and `Object.keys` see
 * the plain document it stands for; it is a plain string to every reader, and
 * assigning one drops the kept value. Test mode, which stores every document, writes
 * the text at once: defining the accessor on each document costs more than it saves
 * there.
 *
 * The value is shared by every reader and must never be changed; only read-only
 * code gets it (`documentJson`). Code that edits parsed data parses its own copy.
 * A copy with other data (a spread with `data`, or a later assignment) is parsed again.
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
  // The text as made, or once a lazy `data` was read or assigned; undefined before.
  #text: string | undefined;
  // Undefined once a lazy `data` is assigned other text (JSON data is never undefined).
  // An eager `data` is a plain property: an assignment shows as text unlike #text.
  #value: unknown;

  // One getter and setter for every lazy document, so they all share one hidden class.
  static readonly #lazyData: PropertyDescriptor = {
    get(this: JsonDocument): string {
      this.#text ??= jsonText(this.#value);
      return this.#text;
    },
    set(this: JsonDocument, text: string) {
      this.#text = text;
      this.#value = undefined;
    },
    enumerable: true,
    // Not to be redefined or deleted: `keeps` trusts that `data` is this accessor.
    configurable: false,
  };

  // Positional arguments: one document is made per record, so no options object each time.
  private constructor(
    id: string,
    parentId: string | undefined,
    properties: Record<string, string>,
    text: string | undefined,
    value: unknown,
  ) {
    this.id = id;
    if (parentId !== undefined) {
      this.parentId = parentId;
    }
    if (text === undefined) {
      Object.defineProperty(this, 'data', JsonDocument.#lazyData);
    } else {
      this.data = text;
    }
    this.properties = properties;
    this.#text = text;
    this.#value = value;
  }

  /**
   * A document holding `value`, which must be JSON data that reads back the same
   * from its text (a kept value, a part of one, or parsed data `isExactJson`
   * accepts; no holes, undefined or prototypes) and that nobody changes. Its data
   * is `JSON.stringify(value)`: written now, or with `lazy` when first read.
   */
  static of(
    id: string,
    parentId: string | undefined,
    properties: Record<string, string>,
    value: unknown,
    lazy: boolean,
  ): RunDocument {
    const text = lazy ? undefined : jsonText(value);
    return new JsonDocument(id, parentId, properties, text, value);
  }

  /** Whether `doc` keeps a value for its current data. Never writes a lazy text. */
  static keeps(doc: RunDocument): boolean {
    return (
      doc instanceof JsonDocument &&
      doc.#value !== undefined &&
      (doc.#text === undefined || doc.#text === doc.data)
    );
  }

  /** The kept value when `doc` has one for its current data, else `JSON.parse(doc.data)`. */
  static json(doc: RunDocument): unknown {
    return JsonDocument.keeps(doc) ? (doc as JsonDocument).#value : JSON.parse(doc.data);
  }

  /**
   * `doc` as a document of its own, with no parent; the kept value stays, and the
   * text, or its not being written yet.
   */
  static withoutParent(doc: RunDocument): RunDocument {
    if (JsonDocument.keeps(doc)) {
      const kept = doc as JsonDocument;
      return new JsonDocument(doc.id, undefined, doc.properties, kept.#text, kept.#value);
    }
    const { parentId: _parent, ...rest } = doc;
    return rest;
  }

  /** `doc` with other properties; the kept value stays when the data is the same. */
  static withProperties(doc: RunDocument, properties: Record<string, string>): RunDocument {
    if (JsonDocument.keeps(doc)) {
      const kept = doc as JsonDocument;
      return new JsonDocument(doc.id, doc.parentId, properties, kept.#text, kept.#value);
    }
    return { ...doc, properties };
  }
}

/** The longest string V8 makes; a JSON text past it cannot exist. */
const MAX_TEXT = constants.MAX_STRING_LENGTH;
/** Pieces `deepJsonText` gathers before joining them, so it never holds millions at once. */
const PIECES_PER_JOIN = 65_536;

const tooLong = () =>
  new RangeError(
    `This document's JSON text would be longer than ${MAX_TEXT.toLocaleString('en')} characters, the most a JavaScript string holds.`,
  );

/**
 * `JSON.stringify(value)` for a kept value, at any depth. JSON.stringify recurses and
 * runs out of stack at about ten thousand levels of nesting, while JSON.parse takes
 * any depth: a record split out of such a document would otherwise fail wherever its
 * text is first read (with a lazy text, outside any shape). Only then does
 * `deepJsonText` write the same text with a stack of its own; a text too long for a
 * string fails at once, as it would there.
 */
export function jsonText(value: unknown): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch (error) {
    if (!(error instanceof RangeError)) {
      throw error;
    }
    if (!/call stack/i.test(error.message)) {
      throw tooLong();
    }
    text = deepJsonText(value);
  }
  if (text === undefined) {
    throw new TypeError('A JSON document holds JSON data; this value has no JSON text.');
  }
  return text;
}

/**
 * JSON.stringify's text with a stack of its own. Only plain JSON data comes here
 * (`isExactJson`), so strings, numbers, booleans, null, arrays and plain objects are
 * all it meets; keys go in JSON.stringify's order, which is `Object.keys`'s.
 */
function deepJsonText(value: unknown): string {
  const joined: string[] = [];
  const parts: string[] = [];
  let length = 0;
  const put = (piece: string) => {
    length += piece.length;
    if (length > MAX_TEXT) {
      throw tooLong();
    }
    parts.push(piece);
    if (parts.length >= PIECES_PER_JOIN) {
      joined.push(parts.join(''));
      parts.length = 0;
    }
  };
  // Two stacks in step: an entry is a value still to write, or (`literal`) text
  // already decided, such as a comma or a key.
  const stack: unknown[] = [value];
  const literal: boolean[] = [false];
  const push = (entry: unknown, isLiteral: boolean) => {
    stack.push(entry);
    literal.push(isLiteral);
  };
  while (stack.length > 0) {
    const current = stack.pop();
    if (literal.pop()) {
      put(current as string);
    } else if (Array.isArray(current)) {
      put('[');
      push(']', true);
      for (let i = current.length - 1; i >= 0; i--) {
        push(current[i], false);
        if (i > 0) {
          push(',', true);
        }
      }
    } else if (current !== null && typeof current === 'object') {
      const record = current as Record<string, unknown>;
      const keys = Object.keys(record);
      put('{');
      push('}', true);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i] as string;
        push(record[key], false);
        push(`${i > 0 ? ',' : ''}${JSON.stringify(key)}:`, true);
      }
    } else {
      put(JSON.stringify(current));
    }
  }
  joined.push(parts.join(''));
  return joined.join('');
}

/**
 * The document's data parsed as JSON, for code that only reads it: the kept value
 * when there is one, else a fresh `JSON.parse` (which throws on text that is not JSON).
 */
export function documentJson(doc: RunDocument): unknown {
  return JsonDocument.json(doc);
}

/**
 * `documentJson` for shapes that read a blank document as `whenBlank` (an empty object,
 * no body). A kept value's text is never blank, so a text not yet written stays unwritten.
 */
export function documentJsonOr(doc: RunDocument, whenBlank: unknown): unknown {
  return JsonDocument.keeps(doc)
    ? JsonDocument.json(doc)
    : doc.data.trim() === ''
      ? whenBlank
      : JSON.parse(doc.data);
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
