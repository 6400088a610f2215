import { addShape, PALETTE, type ShapeKind, shapeInfo } from '@junction/process-model';
import { type DragEvent, useState } from 'react';
import { SHAPE_DRAG_TYPE } from '../canvas/process-canvas.tsx';
import { ShapeIcon } from '../canvas/shape-icon.tsx';
import { newId, newShape } from '../new-shape.ts';
import { useEditorStoreApi } from '../store/editor-context.ts';

/** Shapes grouped as in Boomi: drag one onto the canvas, or click to add it. */
export function Palette({
  defaultConnectionId,
  disabled,
}: {
  defaultConnectionId: string | undefined;
  disabled: boolean;
}) {
  const store = useEditorStoreApi();
  const [filter, setFilter] = useState('');
  const needle = filter.trim().toLowerCase();

  const onDragStart = (event: DragEvent, kind: ShapeKind) => {
    event.dataTransfer.setData(SHAPE_DRAG_TYPE, kind);
    event.dataTransfer.effectAllowed = 'copy';
  };

  // A click drops the shape to the right of everything, where it cannot cover anything.
  const addByClick = (kind: ShapeKind) => {
    const id = newId(kind);
    store.getState().apply((doc) => {
      const xs = Object.values(doc.layout).map((p) => p.x);
      const position = { x: Math.max(0, ...xs) + 240, y: 160 };
      return addShape(doc, { id, kind, position, shape: newShape(kind, defaultConnectionId) });
    });
    store.getState().select([id]);
  };

  return (
    <nav className="palette" aria-label="Shapes">
      <input
        type="search"
        className="palette__filter"
        placeholder="Filter shapes"
        aria-label="Filter shapes"
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
      />
      {PALETTE.map((section) => {
        const kinds = section.kinds.filter((k) =>
          shapeInfo(k).label.toLowerCase().includes(needle),
        );
        if (kinds.length === 0) {
          return null;
        }
        return (
          <section key={section.group} className="palette__section" aria-label={section.label}>
            <h3>{section.label}</h3>
            <ul>
              {kinds.map((kind) => (
                <li key={kind}>
                  <button
                    type="button"
                    className="palette__item"
                    draggable={!disabled}
                    disabled={disabled}
                    onDragStart={(e) => onDragStart(e, kind)}
                    onClick={() => addByClick(kind)}
                    title={shapeInfo(kind).description}
                  >
                    <ShapeIcon kind={kind} />
                    {shapeInfo(kind).label}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </nav>
  );
}
