import { describe, expect, it } from 'vitest';
import { isNonPublic, judgedAddress } from './ip-address.ts';

describe('which addresses are local, private or reserved', () => {
  it('refuses private IPv4 ranges and passes public ones', () => {
    for (const address of [
      '127.0.0.1',
      '10.1.2.3',
      '172.20.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '255.255.255.255',
    ]) {
      expect(isNonPublic(address), address).toBe(true);
    }
    expect(isNonPublic('203.0.113.10')).toBe(false);
  });

  it('refuses IPv6 loopback, unique-local, link-local, site-local and local-use NAT64', () => {
    for (const address of ['::1', '::', 'fd00::1', 'fe80::1', 'fec0::1', '64:ff9b:1::a00:5']) {
      expect(isNonPublic(address), address).toBe(true);
    }
    expect(isNonPublic('2001:db8::1')).toBe(false);
  });

  it('judges an IPv6 address that wraps an IPv4 one as that IPv4 address', () => {
    // Mapped, in the dotted form and in the hex form a URL parser produces.
    expect(judgedAddress('::ffff:10.0.0.1')).toEqual({ address: '10.0.0.1', type: 'ipv4' });
    expect(judgedAddress('::ffff:7f00:1')).toEqual({ address: '127.0.0.1', type: 'ipv4' });
    // Compatible, NAT64 and 6to4.
    expect(judgedAddress('::a00:5')).toEqual({ address: '10.0.0.5', type: 'ipv4' });
    expect(judgedAddress('64:ff9b::a00:5')).toEqual({ address: '10.0.0.5', type: 'ipv4' });
    expect(judgedAddress('2002:a9fe:a9fe::1')).toEqual({
      address: '169.254.169.254',
      type: 'ipv4',
    });
    for (const address of ['::ffff:7f00:1', '::a00:5', '64:ff9b::a00:5', '2002:a9fe:a9fe::1']) {
      expect(isNonPublic(address), address).toBe(true);
    }
    // A NAT64 address of a public host stays reachable (DNS64 networks need it).
    expect(isNonPublic('64:ff9b::cb00:710a')).toBe(false);
    expect(judgedAddress('2001:db8::1')).toEqual({ address: '2001:db8::1', type: 'ipv6' });
  });
});
