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
 * The value equals `JSON.parse(data)` except that a `-0` in it reads as `0` in
 * the text; read-only consumers turn values into text (`valueText`,
 * `JSON.stringify`), where the two are the same.
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
   * A document holding `value`, which must be plain JSON data (as `JSON.parse`
   * returns: no holes, undefined, functions or prototypes) that nobody changes.
   * Its data is `JSON.stringify(value)`.
   */
  static of(
    id: string,
    parentId: string | undefined,
    properties: Record<string, string>,
    value: unknown,
  ): RunDocument {
    return new JsonDocument(id, parentId, properties, JSON.stringify(value), value);
  }

  /** The kept value when `doc` has one for its current data, else `JSON.parse(doc.data)`. */
  static json(doc: RunDocument): unknown {
    return doc instanceof JsonDocument && doc.#text === doc.data
      ? doc.#value
      : JSON.parse(doc.data);
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
