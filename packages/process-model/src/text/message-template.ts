/** A piece of a parsed message template: literal text or a `{n}` placeholder (1-based). */
export type TemplateSegment =
  | { type: 'text'; text: string }
  | { type: 'placeholder'; index: number };

export interface MessageTemplate {
  segments: TemplateSegment[];
  /** An apostrophe opened a quoted part that never closed (Boomi rules only). */
  unclosedQuote: boolean;
}

function pushText(segments: TemplateSegment[], text: string): void {
  const last = segments.at(-1);
  if (last?.type === 'text') {
    last.text += text;
  } else if (text !== '') {
    segments.push({ type: 'text', text });
  }
}

/**
 * Parses the text of a Message, Notify or Exception shape. Boomi's rules
 * (process-semantics.md §3.3): a lone `'` is dropped and toggles a quoted part in
 * which `{n}` is literal; `''` is one apostrophe. With `jsonSafe` the apostrophe is
 * an ordinary character, so only `{digits}` is special.
 *
 * @example parseMessageTemplate("Hi {1}, it''s '{2}'", false).segments
 * // [text "Hi ", placeholder 1, text ", it's {2}"]
 */
export function parseMessageTemplate(text: string, jsonSafe: boolean): MessageTemplate {
  const segments: TemplateSegment[] = [];
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (!jsonSafe && ch === "'") {
      if (text[i + 1] === "'") {
        pushText(segments, "'");
        i += 2;
      } else {
        quoted = !quoted;
        i += 1;
      }
      continue;
    }
    const placeholder = quoted ? null : /^\{(\d+)\}/.exec(text.slice(i, i + 12));
    if (placeholder?.[1] !== undefined) {
      segments.push({ type: 'placeholder', index: Number(placeholder[1]) });
      i += placeholder[0].length;
      continue;
    }
    pushText(segments, ch);
    i += 1;
  }
  return { segments, unclosedQuote: quoted };
}

/** Fills a parsed template: placeholder n takes `values[n - 1]`, a missing value is empty. */
export function renderMessageTemplate(
  template: MessageTemplate,
  values: readonly string[],
): string {
  return template.segments
    .map((s) => (s.type === 'text' ? s.text : (values[s.index - 1] ?? '')))
    .join('');
}
