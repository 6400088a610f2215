import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importBoomiProcess } from './import-boomi.ts';
import { readXml } from './read-xml.ts';

const simple = readFileSync(new URL('./fixtures/simple-process.xml', import.meta.url), 'utf8');

describe('readXml on untrusted text', () => {
  it('reports malformed XML with its line and column', () => {
    const result = readXml('<a>\n  <b></c>\n</a>');
    expect(result).toMatchObject({ ok: false, problem: { line: 2 } });
    if (!result.ok) {
      expect(result.problem.message).toContain("'b'");
    }
  });

  it('refuses an external entity (XXE) without reading anything', () => {
    const xml =
      '<?xml version="1.0"?>\n<!DOCTYPE c [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<c>&x;</c>';
    expect(readXml(xml)).toEqual({
      ok: false,
      problem: { message: 'DOCTYPE declarations are not accepted.', line: 2, column: 1 },
    });
  });

  it('refuses an entity expansion bomb (billion laughs) at once', () => {
    const levels = Array.from({ length: 10 }, (_, i) =>
      i === 0 ? '<!ENTITY l0 "lol">' : `<!ENTITY l${i} "${`&l${i - 1};`.repeat(10)}">`,
    ).join('');
    const started = Date.now();
    const result = readXml(`<!DOCTYPE b [${levels}]><b>&l9;</b>`);
    expect(result.ok).toBe(false);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('leaves undeclared entity references as text', () => {
    const result = readXml('<a t="&amp;&lt;">x &custom; y</a>');
    expect(result).toMatchObject({ ok: true, root: { text: 'x &custom; y' } });
  });

  it('refuses text over the size limit', () => {
    expect(readXml(`<a>${'x'.repeat(100)}</a>`, { maxLength: 50 })).toMatchObject({
      ok: false,
      problem: { message: 'The file is larger than 50 characters.' },
    });
  });

  it('refuses nesting deeper than the limit, saying where', () => {
    const xml = `${'<a>'.repeat(5000)}${'</a>'.repeat(5000)}`;
    expect(readXml(xml)).toMatchObject({
      ok: false,
      problem: { message: 'Elements are nested deeper than 64.', line: 1, column: 193 },
    });
  });

  it('refuses more elements than the limit', () => {
    expect(readXml(`<a>${'<b/>'.repeat(20)}</a>`, { maxElements: 10 })).toMatchObject({
      ok: false,
      problem: { message: 'The file has more than 10 elements.' },
    });
  });

  it.each([
    ['an element', '<a><__proto__ polluted="yes"/></a>'],
    ['an attribute', '<a __proto__="x"><b polluted="yes"/></a>'],
    ['a constructor element', '<a><constructor/></a>'],
    ['a prefixed element', '<a xmlns:p="urn:x"><p:prototype/></a>'],
  ])('refuses %s named like a prototype member and pollutes nothing', (_, xml) => {
    const result = readXml(xml);
    expect(result).toMatchObject({ ok: false, problem: { line: 1 } });
    expect(Object.hasOwn(Object.prototype, 'polluted')).toBe(false);
  });

  it('accepts a `>` inside a quoted attribute when measuring depth', () => {
    expect(readXml('<a t="x > y"><b/></a>')).toMatchObject({ ok: true, root: { name: 'a' } });
  });

  it('gives an import a located problem for every attack, never a throw', () => {
    for (const xml of ['', 'not xml', '<a>', '<!DOCTYPE x><x/>', '<a><__proto__/></a>']) {
      const result = importBoomiProcess(xml, { id: 'p' });
      expect(result.ok).toBe(false);
    }
  });

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])(
    'treats a shapetype of %s as a shape with no counterpart',
    (shapetype) => {
      const xml = simple.replace('shapetype="map"', `shapetype="${shapetype}"`);
      const result = importBoomiProcess(xml, { id: 'p' });
      if (!result.ok) {
        throw new Error(result.problem.message);
      }
      expect(result.omitted.find((o) => o.boomiName === 'shape3')).toMatchObject({
        shapeDropped: true,
        boomiType: shapetype,
      });
      expect(result.document.connections.map((c) => c.to.shape)).toEqual(['shape4']);
    },
  );

  it('renames shapes called __proto__ or constructor to safe ids', () => {
    const xml = simple
      .replaceAll('"shape3"', '"__proto__"')
      .replaceAll('"shape4"', '"constructor"');
    const result = importBoomiProcess(xml, { id: 'p' });
    if (!result.ok) {
      throw new Error(result.problem.message);
    }
    expect(Object.keys(result.document.shapes).sort()).toEqual([
      'boomi-shape-3',
      'boomi-shape-4',
      'start',
    ]);
    expect(Object.getPrototypeOf(result.document.shapes)).toBe(Object.prototype);
    expect(result.document.connections.map((c) => c.to.shape)).toEqual([
      'boomi-shape-3',
      'boomi-shape-4',
    ]);
    expect(result.issues.filter((i) => i.code.startsWith('schema.'))).toEqual([]);
  });
});
