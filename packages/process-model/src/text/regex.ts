import { RE2JS } from 're2js';

/**
 * User patterns (Route and Decision `regex`, Search/Replace, JSONata regex literals)
 * are written in JavaScript's syntax but matched by RE2JS, a pure-JS port of RE2:
 * its automata match in time linear in the input, so no pattern can make a run or
 * the server hang the way a backtracking engine does on `(a+)+b`. The price is that
 * RE2 has no backreferences and no lookaround; such patterns are refused here, with
 * where they are, rather than silently matched differently.
 */

/** Why `pattern` cannot be used as a regular expression, or null. */
export function regexProblem(pattern: string): string | null {
  try {
    compileRegex(pattern);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

/**
 * Compiles a JavaScript-syntax pattern for the linear-time engine. `flags` takes
 * RegExp's letters; `i`, `m` and `s` matter, `g`, `y`, `u`, `d` and `v` do not
 * change what matches. Throws an Error that says what is wrong and where.
 */
export function compileRegex(pattern: string, flags = ''): RE2JS {
  checkJavaScriptSyntax(pattern, flags);
  const unsupported = findUnsupported(pattern);
  if (unsupported !== null) {
    throw new Error(
      `${unsupported.what} at character ${unsupported.index + 1} is not supported: ` +
        'patterns run on a linear-time engine (RE2), which has no backreferences or lookaround.',
    );
  }
  try {
    return RE2JS.compile(RE2JS.translateRegExp(pattern), engineFlags(flags));
  } catch (error) {
    throw new Error((error as Error).message.replace(/^error parsing regexp: /, ''));
  }
}

/** Building a RegExp only parses (it never matches), so it is a safe syntax check. */
function checkJavaScriptSyntax(pattern: string, flags: string): void {
  new RegExp(pattern, flags.replace(/[^ims]/g, ''));
}

function engineFlags(flags: string): number {
  let result = 0;
  if (flags.includes('i')) {
    result |= RE2JS.CASE_INSENSITIVE;
  }
  if (flags.includes('m')) {
    result |= RE2JS.MULTILINE;
  }
  if (flags.includes('s')) {
    result |= RE2JS.DOTALL;
  }
  return result;
}

interface Unsupported {
  what: string;
  index: number;
}

const LOOKAROUND: ReadonlyArray<readonly [string, string]> = [
  ['(?<=', 'A lookbehind (?<=…)'],
  ['(?<!', 'A negative lookbehind (?<!…)'],
  ['(?=', 'A lookahead (?=…)'],
  ['(?!', 'A negative lookahead (?!…)'],
];

/**
 * The first backreference or lookaround outside a character class. Checked before
 * translation because RE2JS's translation turns `\k<name>` into the literal text
 * `k<name>` instead of failing.
 */
function findUnsupported(pattern: string): Unsupported | null {
  let inClass = false;
  for (let i = 0; i < pattern.length; i += 1) {
    const char = pattern[i];
    if (char === '\\') {
      const found = inClass ? null : backreferenceAt(pattern, i);
      if (found !== null) {
        return found;
      }
      i += 1;
    } else if (inClass) {
      inClass = char !== ']';
    } else if (char === '[') {
      inClass = true;
    } else if (char === '(') {
      const look = LOOKAROUND.find(([prefix]) => pattern.startsWith(prefix, i));
      if (look) {
        return { what: look[1], index: i };
      }
    }
  }
  return null;
}

function backreferenceAt(pattern: string, index: number): Unsupported | null {
  const next = pattern[index + 1] ?? '';
  if (next >= '1' && next <= '9') {
    return { what: `A backreference (\\${next})`, index };
  }
  if (next === 'k' && pattern[index + 2] === '<') {
    return { what: 'A named backreference (\\k<…>)', index };
  }
  return null;
}
