import { userRegex } from '../user-regex.ts';

/**
 * JSONata's `/…/` literals on the linear-time engine instead of RegExp, so
 * `$replace`, `$match`, `$contains` and `$split` cannot backtrack for seconds on
 * a pattern like `(a+)+b`.
 */

type Regex = ReturnType<typeof userRegex>;

/**
 * jsonata's `RegexEngine` option: it builds one from each `/…/` literal, sets
 * `lastIndex`, calls `exec` and reads `lastIndex` back, as with a global RegExp.
 * This adapter gives that shape to the linear-time engine.
 */
export class LinearRegexEngine {
  lastIndex = 0;
  readonly #regex: Regex;

  constructor(literal: RegExp) {
    this.#regex = userRegex(literal.source, literal.flags);
  }

  exec(text: string): RegExpExecArray | null {
    const matcher = this.#regex.matcher(text);
    if (!matcher.find(this.lastIndex)) {
      this.lastIndex = 0;
      return null;
    }
    const groups = Array.from(
      { length: matcher.groupCount() + 1 },
      (_, i) => matcher.group(i) ?? undefined,
    );
    this.lastIndex = matcher.end();
    return Object.assign(groups, { index: matcher.start(), input: text }) as RegExpExecArray;
  }
}

interface AstNode {
  type?: string;
  value?: unknown;
  position?: number;
}

/**
 * The first regex literal the linear-time engine refuses, as an Error naming the
 * literal and where it ends in the expression (jsonata's position is the 1-based
 * character ending the token), so the problem shows when the expression compiles,
 * not per document.
 */
export function regexLiteralProblem(ast: unknown): Error | null {
  for (const node of astNodes(ast)) {
    if (node.type === 'regex' && node.value instanceof RegExp) {
      try {
        userRegex(node.value.source, node.value.flags);
      } catch (error) {
        return new Error(
          `The regular expression ${asWritten(node.value)} (ending at character ${node.position} of the expression): ${(error as Error).message}`,
        );
      }
    }
  }
  return null;
}

/** jsonata adds the `g` flag to every literal; show it as the user wrote it. */
function asWritten(literal: RegExp): string {
  return `/${literal.source}/${literal.flags.replace('g', '')}`;
}

/** Every object in the AST; regex literals can sit under any key. */
function* astNodes(value: unknown): Generator<AstNode> {
  if (Array.isArray(value)) {
    for (const item of value) {
      yield* astNodes(item);
    }
  } else if (typeof value === 'object' && value !== null && !(value instanceof RegExp)) {
    yield value as AstNode;
    for (const child of Object.values(value)) {
      yield* astNodes(child);
    }
  }
}
