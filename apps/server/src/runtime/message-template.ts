/**
 * Renders the text of a Message, Notify or Exception shape (process-semantics.md
 * §3.3). Boomi's rules: a lone `'` is dropped and toggles a quoted part in which
 * `{n}` stays literal; `''` is one apostrophe. With `jsonSafe` the apostrophe is an
 * ordinary character and only `{digits}` is special. Placeholder n takes
 * `values[n - 1]`; a missing value is empty. Same rules as process-model's
 * parseMessageTemplate (not exported by the package yet).
 */
export function renderTemplate(text: string, values: readonly string[], jsonSafe: boolean): string {
  let out = '';
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (!jsonSafe && ch === "'") {
      if (text[i + 1] === "'") {
        out += "'";
        i += 2;
      } else {
        quoted = !quoted;
        i += 1;
      }
      continue;
    }
    const placeholder = quoted ? null : /^\{(\d+)\}/.exec(text.slice(i, i + 12));
    if (placeholder?.[1] !== undefined) {
      out += values[Number(placeholder[1]) - 1] ?? '';
      i += placeholder[0].length;
      continue;
    }
    out += ch;
    i += 1;
  }
  return out;
}
