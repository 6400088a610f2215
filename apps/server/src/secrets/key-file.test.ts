import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadOrCreateKeyFile } from './secret-box.ts';

const modeOf = (path: string) => statSync(path).mode & 0o777;

describe('the key file', () => {
  let root: string;
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('is created 0600 in a 0700 directory, and an older readable one is narrowed', () => {
    root = mkdtempSync(join(tmpdir(), 'junction-key-file-'));
    const dataDir = join(root, 'data');
    const key = loadOrCreateKeyFile(dataDir);
    expect(modeOf(dataDir)).toBe(0o700);
    expect(modeOf(join(dataDir, 'secret.key'))).toBe(0o600);
    chmodSync(join(dataDir, 'secret.key'), 0o644);
    chmodSync(dataDir, 0o755);
    expect(loadOrCreateKeyFile(dataDir).equals(key)).toBe(true);
    expect(modeOf(dataDir)).toBe(0o700);
    expect(modeOf(join(dataDir, 'secret.key'))).toBe(0o600);
  });
});
