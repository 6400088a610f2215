import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSecretBox, loadOrCreateKeyFile, parseSecretKey } from './secret-box.ts';

describe('secret box', () => {
  it('seals and opens, and the sealed text does not contain the secret', () => {
    const box = createSecretBox(randomBytes(32));
    const sealed = box.seal('SU-1:top-secret');
    expect(sealed).not.toContain('top-secret');
    expect(box.open(sealed, box.keyId)).toBe('SU-1:top-secret');
  });

  it('still opens secrets sealed with a previous key after rotation', () => {
    const old = randomBytes(32);
    const sealed = createSecretBox(old).seal('kept');
    const rotated = createSecretBox(randomBytes(32), [old]);
    expect(rotated.open(sealed, createSecretBox(old).keyId)).toBe('kept');
  });

  it('detects tampering', () => {
    const box = createSecretBox(randomBytes(32));
    const [iv, tag, body] = box.seal('value').split('.');
    const flipped = Buffer.from(body!, 'base64');
    flipped[0] = flipped[0]! ^ 1;
    expect(() => box.open([iv, tag, flipped.toString('base64')].join('.'), box.keyId)).toThrow();
  });

  it('creates the key file with 0600 permissions and reuses it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'junction-key-'));
    try {
      const key = loadOrCreateKeyFile(dir);
      expect(statSync(join(dir, 'secret.key')).mode & 0o777).toBe(0o600);
      expect(loadOrCreateKeyFile(dir).equals(key)).toBe(true);
      expect(parseSecretKey(readFileSync(join(dir, 'secret.key'), 'utf8')).equals(key)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a key of the wrong size with a clear message', () => {
    expect(() => parseSecretKey('short')).toThrow(/32 bytes/);
  });
});
