import { PALETTE, type ShapeKind, shapeInfo } from '@junction/process-model';
import { type DragEvent, useState } from 'react';
import { ShapeIcon, shapeFamily } from '../canvas/shape-icon.tsx';
import { attachPort } from '../placement/add-new-shape.ts';
import { SHAPE_DRAG_TYPE, useAddShape } from '../placement/use-add-shape.ts';
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

  const addShape = useAddShape(defaultConnectionId);
  // A click joins the new shape to the selected shape's first free port, as a drop
  // on its "+" does; with nothing to join, it goes right of everything.
  const addByClick = (kind: ShapeKind) => {
    const { document, selectedShapes } = store.getState();
    addShape(kind, { after: attachPort(document, selectedShapes) });
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
                    className={`palette__item shape-family--${shapeFamily(kind)}`}
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
