import { X } from 'lucide-react';
import { Toast as RadixToast } from 'radix-ui';
import type { ReactNode } from 'react';
import { create } from 'zustand';

export type ToastTone = 'info' | 'ok' | 'error';

interface ToastEntry {
  id: number;
  title: string;
  description?: string;
  tone: ToastTone;
}

interface ToastState {
  toasts: ToastEntry[];
  show: (toast: Omit<ToastEntry, 'id'>) => void;
  dismiss: (id: number) => void;
}

let nextId = 1;

/** The toasts on screen; any part of the app may add one with `showToast`. */
export const useToastStore = create<ToastState>((set) => ({
  toasts: [],
  show: (toast) => set((state) => ({ toasts: [...state.toasts, { ...toast, id: nextId++ }] })),
  dismiss: (id) => set((state) => ({ toasts: state.toasts.filter((t) => t.id !== id) })),
}));

export function showToast(toast: Omit<ToastEntry, 'id'>): void {
  useToastStore.getState().show(toast);
}

/**
 * Toasts from the kit (Radix Toast): announced politely (assertively for errors), kept
 * while hovered or focused, closed by swipe, Escape or the close button. F8 reaches them.
 */
export function Toaster({ children }: { children: ReactNode }) {
  const toasts = useToastStore((s) => s.toasts);
  const dismiss = useToastStore((s) => s.dismiss);
  return (
    <RadixToast.Provider swipeDirection="right" duration={5000}>
      {children}
      {toasts.map((toast) => (
        <RadixToast.Root
          key={toast.id}
          className={`ui-toast ui-toast--${toast.tone}`}
          type={toast.tone === 'error' ? 'foreground' : 'background'}
          // Errors stay until read and closed.
          {...(toast.tone === 'error' ? { duration: Number.POSITIVE_INFINITY } : {})}
          onOpenChange={(open) => {
            if (!open) {
              dismiss(toast.id);
            }
          }}
        >
          <RadixToast.Title className="ui-toast__title">{toast.title}</RadixToast.Title>
          {toast.description !== undefined && (
            <RadixToast.Description className="ui-toast__description">
              {toast.description}
            </RadixToast.Description>
          )}
          <RadixToast.Close className="ui-toast__close" aria-label="Dismiss">
            <X size={16} aria-hidden />
          </RadixToast.Close>
        </RadixToast.Root>
      ))}
      <RadixToast.Viewport className="ui-toast__viewport" />
    </RadixToast.Provider>
  );
}
