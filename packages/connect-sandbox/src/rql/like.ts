/**
 * lib-rql's `like`/`ilike` patterns (`*` any run of characters, `\*` a literal
 * star, everything else literal) come from the request URL, so anyone who can
 * reach the sandbox chooses them. As a RegExp, `*a*a*a*a*a*a*a*a*a*a*b` backtracks
 * through every split of a long value. Matched by hand instead: the text between
 * stars is found left to right with indexOf, which is enough because placing each
 * piece as early as possible never rules out a match (the stars after it absorb
 * the rest). That is one pass over the value per piece, and no engine involved.
 */
export type LikeMatcher = (value: string) => boolean;

export function compileLike(pattern: string, caseInsensitive: boolean): LikeMatcher {
  const fold = caseInsensitive ? (text: string) => text.toLowerCase() : (text: string) => text;
  const pieces = splitOnStars(pattern).map(fold);
  return (value) => matchPieces(fold(value), pieces);
}

/** The literal pieces between unescaped stars; `\*` stays in its piece as `*`. */
function splitOnStars(pattern: string): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (let i = 0; i < pattern.length; i += 1) {
    if (pattern[i] === '\\' && pattern[i + 1] === '*') {
      piece += '*';
      i += 1;
    } else if (pattern[i] === '*') {
      pieces.push(piece);
      piece = '';
    } else {
      piece += pattern[i];
    }
  }
  pieces.push(piece);
  return pieces;
}

/** With n pieces: the first is a prefix, the last a suffix, the rest in order between. */
function matchPieces(text: string, pieces: string[]): boolean {
  const first = pieces[0] ?? '';
  if (pieces.length === 1) {
    return text === first;
  }
  const last = pieces[pieces.length - 1] ?? '';
  const end = text.length - last.length;
  if (end < first.length || !text.startsWith(first) || !text.endsWith(last)) {
    return false;
  }
  let from = first.length;
  for (const piece of pieces.slice(1, -1)) {
    const at = text.indexOf(piece, from);
    if (at < 0 || at + piece.length > end) {
      return false;
    }
    from = at + piece.length;
  }
  return true;
}
