/** JSON's escape for NUL, not preceded by an escaped backslash (`\\u0000` is text). */
const ESCAPED_NUL = /(?<!\\)((?:\\\\)*)\\u0000/g;

/**
 * JSON text PostgreSQL accepts: text and jsonb cannot hold NUL, so its escape becomes
 * U+FFFD. The regular expression only runs when the text holds the escape at all: a
 * batch of 2,000 documents is megabytes of JSON, and scanning it with a lookbehind
 * costs more than the INSERT's own JavaScript side.
 */
export function withoutEscapedNul(json: string): string {
  return json.includes('\\u0000') ? json.replace(ESCAPED_NUL, '$1\\ufffd') : json;
}

/** ES2024's String.prototype.isWellFormed (Node 20+); the repo compiles against ES2023. */
export const isWellFormed = (text: string): boolean =>
  (text as string & { isWellFormed(): boolean }).isWellFormed();

/** Text PostgreSQL's text type accepts: NUL, which it cannot hold, becomes U+FFFD. */
export const withoutNul = (text: string): string =>
  text.includes('\0') ? text.replaceAll('\0', '\ufffd') : text;
