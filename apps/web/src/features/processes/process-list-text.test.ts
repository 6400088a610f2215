import { describe, expect, it } from 'vitest';
import { emptyListText, lastRunText } from './process-list-text.ts';

describe('lastRunText', () => {
  it('says a process never ran', () => {
    expect(lastRunText(null)).toBe('Never run');
  });

  it('gives the status in words and when the run started', () => {
    const startedAt = '2026-05-01T08:30:00.000Z';
    expect(lastRunText({ id: 'r', status: 'complete-warn', startedAt }, 'en-GB')).toBe(
      `Complete with warnings · ${new Date(startedAt).toLocaleString('en-GB')}`,
    );
    expect(lastRunText({ id: 'r', status: 'aborted', startedAt })).toMatch(/^Cancelled · /);
  });
});

describe('emptyListText', () => {
  it('tells a first-time user how to start', () => {
    expect(emptyListText('')).toContain('Choose Create process');
    expect(emptyListText('   ')).toContain('import a process file');
  });

  it('names the search that found nothing and how to see everything', () => {
    expect(emptyListText(' orders ')).toBe(
      'No process name contains “orders”. Clear the search to see every process.',
    );
  });
});
