import { useEffect, useRef } from 'react';
import {
  type CommandContext,
  copyText,
  DESIGNER_COMMANDS,
  keyOf,
  pasteText,
} from './designer-commands.ts';

function isEditable(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

/**
 * Keyboard shortcuts and the system clipboard for the designer. Copy and paste
 * use the browser's copy/paste events, so they work across processes and tabs
 * without clipboard permissions; inside text fields the browser keeps its own.
 */
export function useDesignerShortcuts(ctx: CommandContext): void {
  const ref = useRef(ctx);
  ref.current = ctx;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const key = keyOf(event);
      const command = DESIGNER_COMMANDS.find((c) => c.keys.includes(key));
      if (
        !command ||
        (isEditable(event.target) && !command.inFields) ||
        (command.edits && ref.current.readOnly())
      ) {
        return;
      }
      event.preventDefault();
      void command.run(ref.current);
    };
    const onCopy = (event: ClipboardEvent) => {
      if (isEditable(event.target)) {
        return;
      }
      const text = copyText(ref.current.store.getState());
      if (text && event.clipboardData) {
        event.clipboardData.setData('text/plain', text);
        event.preventDefault();
      }
    };
    const onPaste = (event: ClipboardEvent) => {
      if (isEditable(event.target) || ref.current.readOnly()) {
        return;
      }
      const text = event.clipboardData?.getData('text/plain');
      if (text) {
        event.preventDefault();
        pasteText(ref.current, text);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    document.addEventListener('copy', onCopy);
    document.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('paste', onPaste);
    };
  }, []);
}
