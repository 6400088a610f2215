import { useEffect, useMemo, useState } from 'react';
import { type DocumentLanguage, documentText } from './document-text.ts';
import './run-views.css';

/** Past this size text is shown uncoloured: colouring megabytes would stall the page. */
const HIGHLIGHT_LIMIT = 200_000;

/**
 * Coloured HTML for the text once highlight.js has loaded (it is fetched the first
 * time a document is shown); null until then, or for plain and very large text.
 */
export function useHighlighted(text: string, language: DocumentLanguage): string | null {
  const [done, setDone] = useState<{ text: string; html: string } | null>(null);
  useEffect(() => {
    if (language === 'text' || text.length > HIGHLIGHT_LIMIT) {
      return;
    }
    let live = true;
    import('./highlight.ts')
      .then((m) => {
        if (live) {
          setDone({ text, html: m.highlight(text, language) });
        }
      })
      // Colour is a nicety: if the chunk cannot load, the plain text stays.
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [text, language]);
  return done?.text === text ? done.html : null;
}

/** Text, coloured when highlight.js has it (the HTML comes from highlight.js, which escapes). */
export function CodeText({ text, html }: { text: string; html: string | null }) {
  if (html === null) {
    return <>{text}</>;
  }
  // biome-ignore lint/security/noDangerouslySetInnerHtml: highlight.js escapes the text it wraps in spans.
  return <span dangerouslySetInnerHTML={{ __html: html }} />;
}

/** A document's data as text: JSON indented and coloured, XML coloured, anything else as stored. */
export function CodeView({ data, label }: { data: string; label: string }) {
  const { text, language } = useMemo(() => documentText(data), [data]);
  const html = useHighlighted(text, language);
  return (
    // A named region that takes focus, so long text scrolls from the keyboard too (WCAG 2.1.1).
    <section
      className="code-view"
      aria-label={label}
      data-language={language}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus to scroll by keyboard.
      tabIndex={0}
    >
      <pre>
        <code>{data === '' ? '(empty document)' : <CodeText text={text} html={html} />}</code>
      </pre>
    </section>
  );
}
