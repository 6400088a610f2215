/**
 * Fault rules name paths with `*` (any run within one segment) and `**` (any run
 * across segments). The rule comes from an administrator but the path it is
 * tested against comes from whoever sends a request, so as a RegExp a rule like
 * `/a*a*a*a*a*b` let a long request path backtrack for minutes. Simulated here
 * instead as a set of pattern positions advanced one character at a time (the
 * Thompson construction, no backtracking): path length × pattern length at most.
 */
export interface PathPattern {
  test(path: string): boolean;
}

/** `**`: any run of characters. */
const ANY = 0;
/** `*`: any run of characters except `/`. */
const SEGMENT = 1;

/** A character to match literally, or one of the two runs. */
type Token = string | typeof ANY | typeof SEGMENT;

export function compilePathPattern(pattern: string): PathPattern {
  const tokens = tokenize(pattern);
  return { test: (path) => simulate(tokens, path) };
}

function tokenize(pattern: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < pattern.length; i += 1) {
    if (pattern.startsWith('**', i)) {
      tokens.push(ANY);
      i += 1;
    } else {
      tokens.push(pattern[i] === '*' ? SEGMENT : (pattern[i] ?? ''));
    }
  }
  return tokens;
}

function simulate(tokens: Token[], path: string): boolean {
  let active = withEmptyRuns(tokens, start(tokens.length));
  for (let c = 0; c < path.length; c += 1) {
    const char = path[c];
    const next = new Uint8Array(tokens.length + 1);
    let any = false;
    for (let i = 0; i < tokens.length; i += 1) {
      if (active[i]) {
        const token = tokens[i];
        const stays = token === ANY || (token === SEGMENT && char !== '/');
        const target = stays ? i : token === char ? i + 1 : -1;
        if (target >= 0) {
          next[target] = 1;
          any = true;
        }
      }
    }
    if (!any) {
      return false;
    }
    active = withEmptyRuns(tokens, next);
  }
  return active[tokens.length] === 1;
}

function start(length: number): Uint8Array {
  const positions = new Uint8Array(length + 1);
  positions[0] = 1;
  return positions;
}

/** A run may be empty: reaching a run also reaches the position after it. */
function withEmptyRuns(tokens: Token[], positions: Uint8Array): Uint8Array {
  for (let i = 0; i < tokens.length; i += 1) {
    if (positions[i] && typeof tokens[i] === 'number') {
      positions[i + 1] = 1;
    }
  }
  return positions;
}
