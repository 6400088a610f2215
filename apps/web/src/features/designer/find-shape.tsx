import { shapeSummary } from '@junction/process-model';
import { useReactFlow } from '@xyflow/react';
import { useState } from 'react';
import { shapeTitle } from './canvas/to-flow.ts';
import { useEditor, useEditorStoreApi } from './store/editor-context.ts';

/** Ctrl/Cmd+F: find a shape by label, kind or configuration, then select and show it. */
export function FindShape({ onClose }: { onClose: () => void }) {
  const store = useEditorStoreApi();
  const shapes = useEditor((s) => s.document.shapes);
  const { fitView } = useReactFlow();
  const [query, setQuery] = useState('');
  const needle = query.trim().toLowerCase();
  const matches = Object.entries(shapes)
    .map(([id, shape]) => ({ id, title: shapeTitle(shape), summary: shapeSummary(shape) }))
    .filter((m) => needle === '' || `${m.title} ${m.summary}`.toLowerCase().includes(needle))
    .slice(0, 20);
  const show = (id: string) => {
    store.getState().select([id]);
    void fitView({ nodes: [{ id }], duration: 200, maxZoom: 1.2 });
    onClose();
  };
  return (
    <div className="find-shape" role="dialog" aria-label="Find shape">
      <input
        // biome-ignore lint/a11y/noAutofocus: the dialog opens to be typed into
        autoFocus
        aria-label="Find shape"
        placeholder="Label, kind or configuration"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            onClose();
          } else if (e.key === 'Enter' && matches[0]) {
            show(matches[0].id);
          }
        }}
      />
      <ul>
        {matches.map((m) => (
          <li key={m.id}>
            <button type="button" onClick={() => show(m.id)}>
              <strong>{m.title}</strong> <span className="hint">{m.summary}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
