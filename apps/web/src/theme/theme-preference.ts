import { create } from 'zustand';

/** What the user chose; "system" follows the operating system's setting as it changes. */
export type ThemePreference = 'system' | 'light' | 'dark';
export type Theme = 'light' | 'dark';

export const THEME_PREFERENCES: readonly ThemePreference[] = ['system', 'light', 'dark'];
const STORAGE_KEY = 'junction.theme';
const DARK_QUERY = '(prefers-color-scheme: dark)';

export function parseThemePreference(stored: string | null): ThemePreference {
  return stored === 'light' || stored === 'dark' ? stored : 'system';
}

export function resolveTheme(preference: ThemePreference, systemPrefersDark: boolean): Theme {
  if (preference === 'system') {
    return systemPrefersDark ? 'dark' : 'light';
  }
  return preference;
}

function readStored(): ThemePreference {
  try {
    return parseThemePreference(localStorage.getItem(STORAGE_KEY));
  } catch {
    // Storage can be refused (private modes, sandboxed frames): the default still works.
    return 'system';
  }
}

function systemPrefersDark(): boolean {
  return typeof matchMedia === 'function' && matchMedia(DARK_QUERY).matches;
}

interface ThemeState {
  preference: ThemePreference;
  theme: Theme;
  setPreference: (preference: ThemePreference) => void;
}

function applyToDocument(theme: Theme): void {
  document.documentElement.dataset['theme'] = theme;
}

export const useThemeStore = create<ThemeState>((set) => {
  const preference = readStored();
  return {
    preference,
    theme: resolveTheme(preference, systemPrefersDark()),
    setPreference: (next) => {
      try {
        localStorage.setItem(STORAGE_KEY, next);
      } catch {
        // Not remembered across reloads, but applied now.
      }
      const theme = resolveTheme(next, systemPrefersDark());
      applyToDocument(theme);
      set({ preference: next, theme });
    },
  };
});

/**
 * Sets `data-theme` on <html> before the first render, so the page never flashes the
 * other theme, and follows the system setting while the preference is "system".
 */
export function startTheme(): void {
  applyToDocument(useThemeStore.getState().theme);
  if (typeof matchMedia !== 'function') {
    return;
  }
  matchMedia(DARK_QUERY).addEventListener('change', (event) => {
    const { preference } = useThemeStore.getState();
    if (preference !== 'system') {
      return;
    }
    const theme = resolveTheme(preference, event.matches);
    applyToDocument(theme);
    useThemeStore.setState({ theme });
  });
}

export function useTheme(): Theme {
  return useThemeStore((state) => state.theme);
}
