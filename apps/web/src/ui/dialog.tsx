import { X } from 'lucide-react';
import { Dialog as RadixDialog } from 'radix-ui';
import type { ReactNode } from 'react';

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
}: {
  title: string;
  description?: ReactNode;
  onClose: () => void;
  children: ReactNode;
  size?: 'md' | 'wide' | 'full';
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
          className={`ui-dialog ui-dialog--${size}`}
          // Without a description Radix warns; an absent one is said explicitly.
          {...(description === undefined ? { 'aria-describedby': undefined } : {})}
        >
          <header className="ui-dialog__header">
            <RadixDialog.Title className="ui-dialog__title">{title}</RadixDialog.Title>
            <RadixDialog.Close className="ui-dialog__close" aria-label="Close">
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
