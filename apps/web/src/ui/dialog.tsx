import { X } from 'lucide-react';
import { Dialog as RadixDialog } from 'radix-ui';
import type { ReactNode, RefObject } from 'react';

/**
 * A modal dialog from the kit (Radix Dialog): focus moves in and is trapped there,
 * Escape or the close button closes it, and focus returns to what opened it.
 * Rendered only while open; the caller owns `open`.
 */
export function Dialog({
  title,
  description,
  onClose,
  children,
  size = 'md',
  closeLabel = 'Close',
  initialFocus,
  className,
}: {
  title: string;
  description?: ReactNode;
  onClose: () => void;
  children: ReactNode;
  size?: 'md' | 'wide' | 'full';
  /** The close button's accessible name, where "Close" alone is ambiguous. */
  closeLabel?: string;
  /** What has the focus when the dialog opens (the safe choice), instead of the first field. */
  initialFocus?: RefObject<HTMLElement | null>;
  className?: string;
}) {
  return (
    <RadixDialog.Root
      open
      onOpenChange={(open) => {
        if (!open) {
          onClose();
        }
      }}
    >
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="ui-dialog__overlay" />
        <RadixDialog.Content
          className={`ui-dialog ui-dialog--${size}${className ? ` ${className}` : ''}`}
          {...(initialFocus
            ? {
                onOpenAutoFocus: (event: Event) => {
                  event.preventDefault();
                  initialFocus.current?.focus();
                },
              }
            : {})}
          // Without a description Radix warns; an absent one is said explicitly.
          {...(description === undefined ? { 'aria-describedby': undefined } : {})}
        >
          <header className="ui-dialog__header">
            <RadixDialog.Title className="ui-dialog__title">{title}</RadixDialog.Title>
            <RadixDialog.Close className="ui-dialog__close" aria-label={closeLabel}>
              <X size={18} aria-hidden />
            </RadixDialog.Close>
          </header>
          {description !== undefined && (
            <RadixDialog.Description className="hint">{description}</RadixDialog.Description>
          )}
          {children}
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
