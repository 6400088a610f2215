import { defineConfig } from '@playwright/test';
import base from './playwright.config.ts';

/**
 * `pnpm screenshots`: the README's pictures, taken from the real server in Debian's
 * Chromium at 1440×900 and written to docs/screenshots/. Not part of `npm test`: the
 * pictures are documentation, checked by eye when the screens change.
 */
export default defineConfig({
  ...base,
  testDir: './screenshots',
  testMatch: '*.shots.ts',
  use: { ...base.use, viewport: { width: 1440, height: 900 } },
});
