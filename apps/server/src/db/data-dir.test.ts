import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { preparePrivateDir, tightenTree } from './data-dir.ts';

const modeOf = (path: string) => statSync(path).mode & 0o777;

describe('the private data directory', () => {
  let root: string;
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('creates a missing directory 0700 and narrows an open one', () => {
    root = mkdtempSync(join(tmpdir(), 'junction-data-dir-'));
    const fresh = join(root, 'fresh', 'data');
    preparePrivateDir(fresh);
    expect(modeOf(fresh)).toBe(0o700);
    const open = join(root, 'open');
    mkdirSync(open);
    chmodSync(open, 0o777);
    preparePrivateDir(open);
    expect(modeOf(open)).toBe(0o700);
  });

  it('takes group and other access from every file and directory below', () => {
    root = mkdtempSync(join(tmpdir(), 'junction-data-dir-'));
    const wal = join(root, 'pg_wal');
    mkdirSync(wal);
    chmodSync(wal, 0o777);
    writeFileSync(join(wal, '000000010000000000000001'), 'x');
    chmodSync(join(wal, '000000010000000000000001'), 0o666);
    writeFileSync(join(root, 'PG_VERSION'), '17');
    chmodSync(join(root, 'PG_VERSION'), 0o644);
    tightenTree(root);
    expect(modeOf(wal)).toBe(0o700);
    expect(modeOf(join(wal, '000000010000000000000001'))).toBe(0o600);
    expect(modeOf(join(root, 'PG_VERSION'))).toBe(0o600);
  });
});
