import { useEffect, useState } from 'react';
import './run-views.css';

/** How long "Copied" stays before the button reads as before. */
const CONFIRM_MS = 4000;

/**
 * Copies text to the clipboard and says so in a live region (role=status), so a
 * screen reader hears "Copied" or why it could not; the region is always in the
 * page, since one added with its message is often not announced.
 */
export function CopyButton({ text, label = 'Copy' }: { text: string; label?: string }) {
  const [outcome, setOutcome] = useState<'copied' | 'failed' | null>(null);
  useEffect(() => {
    if (outcome === null) {
      return;
    }
    const timer = setTimeout(() => setOutcome(null), CONFIRM_MS);
    return () => clearTimeout(timer);
  }, [outcome]);
  return (
    <span className="copy-button">
      <button
        type="button"
        onClick={() => {
          // Through a promise: without a secure context `navigator.clipboard` is missing.
          Promise.resolve()
            .then(() => navigator.clipboard.writeText(text))
            .then(
              () => setOutcome('copied'),
              () => setOutcome('failed'),
            );
        }}
      >
        {label}
      </button>
      <span role="status" className={outcome === 'failed' ? 'is-error' : undefined}>
        {outcome === 'copied' ? 'Copied' : outcome === 'failed' ? 'Could not copy' : ''}
      </span>
    </span>
  );
}
