import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { narrow, preparePrivateDir } from '../db/data-dir.ts';

/**
 * Encrypts secrets at rest with AES-256-GCM. Each ciphertext records the id of
 * the key that sealed it, so keys can rotate: old secrets stay readable while
 * their key is still configured.
 */
export interface SecretBox {
  readonly keyId: string;
  seal(plain: string): string;
  open(sealed: string, keyId: string): string;
}

function keyIdOf(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 12);
}

/** JUNCTION_SECRET_KEY: 32 bytes as base64 or hex. */
export function parseSecretKey(text: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(trimmed)
    ? Buffer.from(trimmed, 'hex')
    : Buffer.from(trimmed, 'base64');
  if (key.length !== 32) {
    throw new Error('JUNCTION_SECRET_KEY must be 32 bytes, written as base64 or 64 hex digits.');
  }
  return key;
}

/** The key file under the data directory, created with 0600 on first use. */
export function loadOrCreateKeyFile(dataDir: string): Buffer {
  const file = join(dataDir, 'secret.key');
  preparePrivateDir(dataDir);
  if (existsSync(file)) {
    // A key file written before modes were enforced is narrowed too.
    narrow(file);
    return parseSecretKey(readFileSync(file, 'utf8'));
  }
  const key = randomBytes(32);
  writeFileSync(file, `${key.toString('base64')}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return key;
}

export function createSecretBox(current: Buffer, previous: readonly Buffer[] = []): SecretBox {
  const keys = new Map([current, ...previous].map((k) => [keyIdOf(k), k]));
  const keyId = keyIdOf(current);
  return {
    keyId,
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', current, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64')).join('.');
    },
    open(sealed, id) {
      const key = keys.get(id);
      if (!key) {
        throw new Error(`The secret was sealed with key ${id}, which is not configured.`);
      }
      const [iv, tag, body] = sealed.split('.').map((part) => Buffer.from(part, 'base64'));
      if (!iv || !tag || !body) {
        throw new Error('Malformed sealed secret.');
      }
      const decipher = createDecipheriv('aes-256-gcm', key, iv);
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
    },
  };
}
