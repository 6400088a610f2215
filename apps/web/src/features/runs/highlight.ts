// Loaded on demand (import('./highlight.ts')): highlight.js and its two grammars
// stay out of the entry chunk and out of every page that shows no document text.
import hljs from 'highlight.js/lib/core';
import json from 'highlight.js/lib/languages/json';
import xml from 'highlight.js/lib/languages/xml';

hljs.registerLanguage('json', json);
hljs.registerLanguage('xml', xml);

/**
 * The text as HTML with highlight.js's token spans (`hljs-attr`, `hljs-string`...).
 * highlight.js escapes the text itself, so the result is safe to set as HTML.
 */
export function highlight(text: string, language: 'json' | 'xml'): string {
  return hljs.highlight(text, { language, ignoreIllegals: true }).value;
}
