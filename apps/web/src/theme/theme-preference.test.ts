import { beforeEach, describe, expect, it } from 'vitest';
import { parseThemePreference, resolveTheme, useThemeStore } from './theme-preference.ts';

describe('theme preference', () => {
  beforeEach(() => {
    localStorage.clear();
    useThemeStore.getState().setPreference('system');
  });

  it('treats anything stored but light or dark as following the system', () => {
    expect(parseThemePreference('dark')).toBe('dark');
    expect(parseThemePreference('light')).toBe('light');
    expect(parseThemePreference(null)).toBe('system');
    expect(parseThemePreference('<script>')).toBe('system');
  });

  it('follows the system only while the preference is "system"', () => {
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
    expect(resolveTheme('light', true)).toBe('light');
    expect(resolveTheme('dark', false)).toBe('dark');
  });

  it('applies a choice to the page at once and remembers it for the next visit', () => {
    useThemeStore.getState().setPreference('dark');
    expect(document.documentElement.dataset['theme']).toBe('dark');
    expect(localStorage.getItem('junction.theme')).toBe('dark');
    useThemeStore.getState().setPreference('light');
    expect(document.documentElement.dataset['theme']).toBe('light');
    expect(useThemeStore.getState().theme).toBe('light');
  });
});
