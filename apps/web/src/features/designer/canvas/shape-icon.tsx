import type { ShapeKind } from '@junction/process-model';

/** One glyph per kind, so shapes are recognisable at a glance without reading labels. */
const GLYPHS: Record<string, string> = {
  start: '▶',
  connector: '⇄',
  stop: '■',
  map: '⇉',
  'set-properties': '⚙',
  message: '✉',
  notify: '🔔',
  'program-command': '⌘',
  'data-process': '⚗',
  'process-call': '↪',
  'add-to-cache': '⊕',
  'retrieve-from-cache': '⊙',
  'find-changes': 'Δ',
  branch: '⑂',
  route: '⇶',
  decision: '◇',
  'try-catch': '⚠',
  'business-rules': '✓',
  cleanse: '✧',
  'flow-control': '≋',
  exception: '✖',
  'return-documents': '↩',
};

export function ShapeIcon({ kind }: { kind: ShapeKind }) {
  return (
    <span className={`shape-icon shape-icon--${kind}`} aria-hidden="true">
      {GLYPHS[kind] ?? '•'}
    </span>
  );
}
