import { type CompareOp, isCompareOp, type RqlNode, type RqlValue } from './ast.ts';

/** Thrown for a query lib-rql would reject; the plugin turns it into a 400. */
export class RqlSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RqlSyntaxError';
  }
}

// Characters that end a bare word: structure, separators and quotes.
const STOP = new Set(['(', ')', ',', '&', '|', ';', '=', '"', "'"]);

/**
 * Brackets and calls nest at most this deep. The parser recurses per level: a query
 * of thousands of `(` would otherwise overflow the stack (a 500, not a 400). Real
 * filters nest a few levels.
 */
export const MAX_RQL_DEPTH = 64;

/**
 * Parses an already URL-decoded RQL query (the whole query string) into a tree.
 * `&` and `,` join terms with AND, `|` and `;` with OR (lower precedence);
 * `f=v` and `f=op=v` are shorthands for comparisons. Returns null for an empty query.
 */
export function parseRql(input: string): RqlNode | null {
  const parser = new Parser(input);
  if (parser.atEnd()) {
    return null;
  }
  const node = parser.parseOr();
  if (!parser.atEnd()) {
    throw new RqlSyntaxError(`Unexpected "${input.slice(parser.pos)}" at ${parser.pos}.`);
  }
  return node;
}

class Parser {
  readonly input: string;
  pos = 0;
  depth = 0;

  constructor(input: string) {
    this.input = input;
  }

  atEnd(): boolean {
    return this.pos >= this.input.length;
  }

  peek(): string {
    return this.input[this.pos] ?? '';
  }

  expect(char: string): void {
    if (this.peek() !== char) {
      throw new RqlSyntaxError(`Expected "${char}" at ${this.pos}.`);
    }
    this.pos += 1;
  }

  // Inside a call's argument list a comma separates arguments, so it must not
  // also mean AND there; `commaIsAnd` switches that off.
  parseOr(commaIsAnd = true): RqlNode {
    const args = [this.parseAnd(commaIsAnd)];
    while (this.peek() === '|' || this.peek() === ';') {
      this.pos += 1;
      args.push(this.parseAnd(commaIsAnd));
    }
    return args.length === 1 ? (args[0] as RqlNode) : { type: 'or', args };
  }

  parseAnd(commaIsAnd: boolean): RqlNode {
    const args = [this.parseTerm()];
    while (this.peek() === '&' || (commaIsAnd && this.peek() === ',')) {
      this.pos += 1;
      // A trailing or doubled `&` is harmless in a query string.
      if (this.atEnd() || this.peek() === '&') {
        continue;
      }
      args.push(this.parseTerm());
    }
    return args.length === 1 ? (args[0] as RqlNode) : { type: 'and', args };
  }

  /** One level deeper for `parse`, refused past MAX_RQL_DEPTH. */
  nested<T>(parse: () => T): T {
    if (this.depth >= MAX_RQL_DEPTH) {
      throw new RqlSyntaxError(`Nested deeper than ${MAX_RQL_DEPTH} levels at ${this.pos}.`);
    }
    this.depth += 1;
    try {
      return parse();
    } finally {
      this.depth -= 1;
    }
  }

  parseTerm(): RqlNode {
    if (this.peek() === '(') {
      this.pos += 1;
      const inner = this.nested(() => this.parseOr());
      this.expect(')');
      return inner;
    }
    const name = this.word();
    if (name === '') {
      throw new RqlSyntaxError(`Expected a term at ${this.pos}.`);
    }
    if (this.peek() === '(') {
      return this.nested(() => this.parseCall(name));
    }
    if (this.peek() === '=') {
      return this.parseShorthand(name);
    }
    throw new RqlSyntaxError(`Unexpected term "${name}".`);
  }

  parseShorthand(field: string): RqlNode {
    this.expect('=');
    const start = this.pos;
    const first = this.value();
    if (this.peek() === '=' && first.kind === 'string' && !first.quoted) {
      const op = first.text;
      this.pos += 1;
      if (op === 'in' || op === 'out') {
        return { type: 'list', op, field, values: this.valueList() };
      }
      if (!isCompareOp(op)) {
        throw new RqlSyntaxError(`Unknown operator "${op}" at ${start}.`);
      }
      return { type: 'compare', op, field, value: this.value() };
    }
    return { type: 'compare', op: 'eq', field, value: first };
  }

  parseCall(name: string): RqlNode {
    this.expect('(');
    let node: RqlNode;
    if (name === 'and' || name === 'or') {
      const args = [this.parseOr(false)];
      while (this.peek() === ',') {
        this.pos += 1;
        args.push(this.parseOr(false));
      }
      node = { type: name, args };
    } else if (name === 'not') {
      node = { type: 'not', arg: this.parseOr(false) };
    } else if (name === 'in' || name === 'out') {
      const field = this.field();
      this.expect(',');
      node = { type: 'list', op: name, field, values: this.valueList() };
    } else if (isCompareOp(name)) {
      node = this.compareCall(name);
    } else if (name === 'select' || name === 'ordering') {
      node = { type: name, fields: this.fieldList() };
    } else {
      throw new RqlSyntaxError(`Unknown operator "${name}".`);
    }
    this.expect(')');
    return node;
  }

  compareCall(op: CompareOp): RqlNode {
    const field = this.field();
    this.expect(',');
    if (op === 'like' || op === 'ilike') {
      const value = this.value();
      if (value.kind === 'string' && value.text.includes('**')) {
        throw new RqlSyntaxError('Double wildcard "**" is not allowed.');
      }
      return { type: 'compare', op, field, value };
    }
    return { type: 'compare', op, field, value: this.value() };
  }

  fieldList(): string[] {
    const fields: string[] = [];
    while (this.peek() !== ')' && !this.atEnd()) {
      fields.push(this.field());
      if (this.peek() === ',') {
        this.pos += 1;
      }
    }
    return fields;
  }

  field(): string {
    const name = this.word().trim();
    if (name === '') {
      throw new RqlSyntaxError(`Expected a field name at ${this.pos}.`);
    }
    return name;
  }

  valueList(): RqlValue[] {
    if (this.peek() !== '(') {
      return [this.value()];
    }
    this.pos += 1;
    const values: RqlValue[] = [];
    while (this.peek() !== ')') {
      if (this.atEnd()) {
        throw new RqlSyntaxError('Unclosed value list.');
      }
      values.push(this.value());
      if (this.peek() === ',') {
        this.pos += 1;
      }
    }
    this.pos += 1;
    return values;
  }

  value(): RqlValue {
    const quote = this.peek();
    if (quote === '"' || quote === "'") {
      const end = this.input.indexOf(quote, this.pos + 1);
      if (end < 0) {
        throw new RqlSyntaxError('Unclosed quoted value.');
      }
      const text = this.input.slice(this.pos + 1, end);
      this.pos = end + 1;
      return { kind: 'string', text, quoted: true };
    }
    const text = this.word();
    if (this.peek() === '(' && (text === 'null' || text === 'empty')) {
      this.pos += 1;
      this.expect(')');
      return { kind: text };
    }
    return { kind: 'string', text, quoted: false };
  }

  word(): string {
    const start = this.pos;
    while (!this.atEnd() && !STOP.has(this.peek())) {
      this.pos += 1;
    }
    return this.input.slice(start, this.pos);
  }
}
