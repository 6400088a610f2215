import { Monitor, Moon, Sun } from 'lucide-react';
import { Menu, MenuRadioGroup } from '../ui/menu.tsx';
import { THEME_PREFERENCES, type ThemePreference, useThemeStore } from './theme-preference.ts';

const LABELS: Record<ThemePreference, string> = {
  system: 'System',
  light: 'Light',
  dark: 'Dark',
};

/** The nav's theme switch: light, dark, or whatever the system says. */
export function ThemeMenu() {
  const preference = useThemeStore((s) => s.preference);
  const theme = useThemeStore((s) => s.theme);
  const setPreference = useThemeStore((s) => s.setPreference);
  const Icon = preference === 'system' ? Monitor : theme === 'dark' ? Moon : Sun;
  return (
    <Menu
      trigger={
        <>
          <Icon size={16} aria-hidden />
          <span>Theme: {LABELS[preference]}</span>
        </>
      }
    >
      <MenuRadioGroup
        label="Theme"
        value={preference}
        onChange={setPreference}
        choices={THEME_PREFERENCES.map((value) => ({ value, label: LABELS[value] }))}
      />
    </Menu>
  );
}
