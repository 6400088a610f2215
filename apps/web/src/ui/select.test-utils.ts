import { act, fireEvent, screen } from '@testing-library/react';

/** Opens a kit select (as a touch or keyboard user does), so its choices are rendered. */
function open(trigger: HTMLElement): HTMLElement[] {
  act(() => {
    fireEvent.click(trigger);
  });
  return screen.getAllByRole('option');
}

/** Picks a kit select's choice by its value, as a user picking it in the list would. */
export function chooseIn(trigger: HTMLElement, value: string): void {
  const choices = open(trigger);
  const choice = choices.find((c) => c.dataset['value'] === value);
  if (!choice) {
    const offered = choices.map((c) => c.dataset['value']).join(', ');
    throw new Error(`No choice "${value}" (offered: ${offered})`);
  }
  act(() => {
    fireEvent.click(choice);
  });
}

/** The labels a kit select offers, in order; the list is closed again. */
export function choicesOf(trigger: HTMLElement): string[] {
  const labels = open(trigger).map((c) => c.textContent ?? '');
  act(() => {
    fireEvent.keyDown(screen.getAllByRole('option')[0] as HTMLElement, { key: 'Escape' });
  });
  return labels;
}
