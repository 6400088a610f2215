import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { isSafeKey } from '../../schema/common.ts';

/** One XML element, with attributes in a prototype-free record. */
export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  /** Concatenated character data directly inside this element. */
  readonly text: string;
}

/** Where a problem was found: a line and column in the text, or an element path. */
export interface XmlProblem {
  message: string;
  line?: number;
  column?: number;
  path?: string;
}

export interface ReadXmlLimits {
  /** Largest accepted text, in UTF-16 code units. */
  maxLength: number;
  /** Deepest element nesting accepted. */
  maxDepth: number;
  /** Most elements accepted. */
  maxElements: number;
}

export const DEFAULT_XML_LIMITS: ReadXmlLimits = {
  maxLength: 2_000_000,
  maxDepth: 64,
  maxElements: 50_000,
};

export type ReadXmlResult = { ok: true; root: XmlElement } | { ok: false; problem: XmlProblem };

const PARSER_OPTIONS = {
  ignoreAttributes: false,
  attributeNamePrefix: '',
  preserveOrder: true,
  // Entities are never expanded: no DOCTYPE is accepted, so `&x;` stays text.
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
} as const;

/**
 * Reads untrusted XML into plain elements. Refuses DOCTYPE declarations outright
 * (Boomi exports have none; refusing them closes external entities and entity
 * expansion bombs), over-long text, deep nesting and too many elements, and names
 * that would reach an object's prototype. Never throws.
 */
export function readXml(text: string, limits: Partial<ReadXmlLimits> = {}): ReadXmlResult {
  const max = { ...DEFAULT_XML_LIMITS, ...limits };
  if (text.length > max.maxLength) {
    return fail(`The file is larger than ${max.maxLength} characters.`);
  }
  const doctype = /<!DOCTYPE/i.exec(text);
  if (doctype) {
    return fail('DOCTYPE declarations are not accepted.', positionOf(text, doctype.index));
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    return fail(valid.err.msg, { line: valid.err.line, column: valid.err.col });
  }
  const shape = scanStructure(text, max);
  if (shape) {
    return { ok: false, problem: shape };
  }
  try {
    const tree = new XMLParser(PARSER_OPTIONS).parse(text) as unknown[];
    const root = tree.map(toElement).find((e): e is XmlElement => e !== undefined);
    return root ? { ok: true, root } : fail('The file holds no XML element.');
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
}

function fail(message: string, at: { line?: number; column?: number } = {}): ReadXmlResult {
  return { ok: false, problem: { message, ...at } };
}

function positionOf(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  return { line, column: index - before.lastIndexOf('\n') };
}

const NAME_AT = /^<\/?([^\s/>]+)/;
const ATTRIBUTE_NAMES = /([^\s=/>]+)\s*=\s*(?:"[^"]*"|'[^']*')/g;

/**
 * One linear pass over well-formed XML (the validator ran first) that checks depth,
 * element count and that no element or attribute is named like a prototype member.
 * Hand-written because the parser builds its tree recursively and offers no depth
 * limit; this pass is iterative.
 */
function scanStructure(text: string, max: ReadXmlLimits): XmlProblem | undefined {
  let depth = 0;
  let elements = 0;
  let index = text.indexOf('<');
  while (index !== -1) {
    const skip = skipMarkup(text, index);
    if (skip !== undefined) {
      index = text.indexOf('<', skip);
      continue;
    }
    const end = tagEnd(text, index);
    const tag = text.slice(index, end + 1);
    const name = NAME_AT.exec(tag)?.[1] ?? '';
    const unsafe = [name, ...[...tag.matchAll(ATTRIBUTE_NAMES)].map((m) => m[1] ?? '')].find(
      (n) => !isSafeKey(n.includes(':') ? (n.split(':').pop() ?? n) : n),
    );
    if (unsafe !== undefined) {
      return { message: `The name “${unsafe}” is not accepted.`, ...positionOf(text, index) };
    }
    if (tag.startsWith('</')) {
      depth -= 1;
    } else if (!tag.endsWith('/>')) {
      depth += 1;
    }
    if (!tag.startsWith('</')) {
      elements += 1;
    }
    if (depth > max.maxDepth) {
      return {
        message: `Elements are nested deeper than ${max.maxDepth}.`,
        ...positionOf(text, index),
      };
    }
    if (elements > max.maxElements) {
      return {
        message: `The file has more than ${max.maxElements} elements.`,
        ...positionOf(text, index),
      };
    }
    index = text.indexOf('<', end + 1);
  }
  return undefined;
}

/** The index after a comment, CDATA section or processing instruction at `index`. */
function skipMarkup(text: string, index: number): number | undefined {
  const forms: [string, string][] = [
    ['<!--', '-->'],
    ['<![CDATA[', ']]>'],
    ['<?', '?>'],
  ];
  for (const [open, close] of forms) {
    if (text.startsWith(open, index)) {
      const end = text.indexOf(close, index + open.length);
      return end === -1 ? text.length : end + close.length;
    }
  }
  return undefined;
}

/** The index of the `>` closing the tag at `index`; quoted attribute values may hold `>`. */
function tagEnd(text: string, index: number): number {
  let quote = '';
  for (let i = index + 1; i < text.length; i++) {
    const c = text[i];
    if (quote !== '') {
      if (c === quote) {
        quote = '';
      }
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '>') {
      return i;
    }
  }
  return text.length - 1;
}

/** fast-xml-parser's ordered node: `{ [tag]: children, ':@'?: attributes }` or `{ '#text': … }`. */
function toElement(node: unknown): XmlElement | undefined {
  if (typeof node !== 'object' || node === null) {
    return undefined;
  }
  // Processing instructions (`?xml`) are not elements.
  const entry = Object.entries(node).find(
    ([key]) => key !== ':@' && key !== '#text' && !key.startsWith('?'),
  );
  if (entry === undefined) {
    return undefined;
  }
  if (!entry) {
    return undefined;
  }
  const [name, rawChildren] = entry;
  const attributes: Record<string, string> = Object.create(null);
  const rawAttributes = (node as Record<string, unknown>)[':@'];
  if (typeof rawAttributes === 'object' && rawAttributes !== null) {
    for (const [key, value] of Object.entries(rawAttributes)) {
      attributes[key] = String(value);
    }
  }
  const list = Array.isArray(rawChildren) ? rawChildren : [];
  const children: XmlElement[] = [];
  let text = '';
  for (const child of list) {
    if (typeof child === 'object' && child !== null && '#text' in child) {
      text += String((child as Record<string, unknown>)['#text']);
    } else {
      const element = toElement(child);
      if (element) {
        children.push(element);
      }
    }
  }
  return { name, attributes, children, text };
}

/** The local part of a name (`bns:Component` → `Component`). */
export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

/** Direct children of `element` with local name `name`. */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((c) => localName(c.name) === name);
}

/** The first direct child of `element` with local name `name`. */
export function childNamed(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((c) => localName(c.name) === name);
}

/** An attribute's value, only if the element itself has it. */
export function attribute(element: XmlElement, name: string): string | undefined {
  return Object.hasOwn(element.attributes, name) ? element.attributes[name] : undefined;
}
