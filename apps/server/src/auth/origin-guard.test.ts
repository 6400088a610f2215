import { describe, expect, it } from 'vitest';
import { hostAllowed, normaliseHost } from './origin-guard.ts';

describe('hostAllowed', () => {
  const loopback = ['localhost', '127.0.0.1', '[::1]'];

  it('accepts loopback names with any port, in any case, with a trailing dot', () => {
    for (const host of [
      'localhost',
      'LOCALHOST:4400',
      '127.0.0.1:80',
      '[::1]:4400',
      'localhost.:4400',
    ]) {
      expect(hostAllowed(host, loopback), host).toBe(true);
    }
  });

  it('refuses rebinding names, look-alikes and a missing Host', () => {
    for (const host of [
      'attacker.example',
      'localhost.attacker.example',
      '127.0.0.1.nip.io',
      'evil.localhost-x',
      '[::2]',
      '',
      undefined,
    ]) {
      expect(hostAllowed(host, loopback), String(host)).toBe(false);
    }
  });

  it('matches a configured name with or without its port, and * matches any', () => {
    expect(hostAllowed('junction.example.com', ['junction.example.com:443'])).toBe(false);
    expect(hostAllowed('junction.example.com:443', ['junction.example.com:443'])).toBe(true);
    expect(hostAllowed('junction.example.com:8443', ['junction.example.com'])).toBe(true);
    expect(hostAllowed('anything.test', ['*'])).toBe(true);
  });

  it('normalises case and the trailing dot of a fully qualified name', () => {
    expect(normaliseHost('Junction.Example.COM.:8080')).toBe('junction.example.com:8080');
    expect(normaliseHost('[::1]:4400')).toBe('[::1]:4400');
  });
});
