/**
 * Move up, move down and remove for one row of an ordered list. `item` names the row
 * for assistive technology, e.g. "route key 2" gives "Move route key 2 up".
 */
export function RowActions({
  item,
  index,
  count,
  onMove,
  onRemove,
}: {
  item: string;
  index: number;
  count: number;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}) {
  return (
    <div className="parameters__row">
      <button
        type="button"
        aria-label={`Move ${item} up`}
        disabled={index === 0}
        onClick={() => onMove(-1)}
      >
        ↑
      </button>
      <button
        type="button"
        aria-label={`Move ${item} down`}
        disabled={index === count - 1}
        onClick={() => onMove(1)}
      >
        ↓
      </button>
      <button type="button" aria-label={`Remove ${item}`} onClick={onRemove}>
        ×
      </button>
    </div>
  );
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
