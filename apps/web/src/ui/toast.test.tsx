import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { showToast, Toaster, useToastStore } from './toast.tsx';

describe('toasts', () => {
  afterEach(() => {
    cleanup();
    useToastStore.setState({ toasts: [] });
  });

  it('shows a toast in the notifications region until it is dismissed', () => {
    render(<Toaster>page</Toaster>);
    act(() => showToast({ tone: 'error', title: 'Could not start the test: offline' }));
    const region = screen.getByRole('region', { name: /^Notifications/ });
    expect(region.textContent).toContain('Could not start the test: offline');
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(useToastStore.getState().toasts).toEqual([]);
  });

  it('keeps every toast shown at once, in order', () => {
    render(<Toaster>page</Toaster>);
    act(() => {
      showToast({ tone: 'info', title: 'First' });
      showToast({ tone: 'ok', title: 'Second', description: 'with more' });
    });
    const titles = useToastStore.getState().toasts.map((t) => t.title);
    expect(titles).toEqual(['First', 'Second']);
    expect(screen.getByRole('region', { name: /^Notifications/ }).textContent).toContain(
      'with more',
    );
  });
});
