import { BlockList, isIP } from 'node:net';

/**
 * Where the server itself may not send a request on a user's behalf (SSRF):
 * loopback, private and link-local networks (cloud metadata lives at
 * 169.254.169.254), carrier-grade NAT, benchmark, multicast and reserved ranges,
 * and IPv6's local, site-local and local-use NAT64 ranges.
 */
const NON_PUBLIC = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3],
] as const) {
  NON_PUBLIC.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 127],
  ['64:ff9b:1::', 48],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const) {
  NON_PUBLIC.addSubnet(network, prefix, 'ipv6');
}

/** The eight 16-bit words of an IPv6 address (`::` expanded, a dotted IPv4 tail read), or null. */
function ipv6Words(address: string): number[] | null {
  if (isIP(address) !== 6) {
    return null;
  }
  let text = address.toLowerCase();
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const parse = (part: string) => (part === '' ? [] : part.split(':').map((w) => parseInt(w, 16)));
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  return [...left, ...Array(8 - left.length - right.length).fill(0), ...right];
}

const ipv4Of = (high: number, low: number) =>
  [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');

/**
 * The IPv4 address an IPv6 address carries, where the IPv6 form only wraps one:
 * IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d), NAT64 (64:ff9b::/96)
 * and 6to4 (2002:aabb:ccdd::/48). Such an address goes where its IPv4 address
 * goes, so it is judged as that address.
 */
function embeddedIpv4(address: string): string | undefined {
  const w = ipv6Words(address);
  if (!w) {
    return undefined;
  }
  const [w0 = 0, w1 = 0, w2 = 0, w3 = 0, w4 = 0, w5 = 0, w6 = 0, w7 = 0] = w;
  const zeroToW4 = w0 === 0 && w1 === 0 && w2 === 0 && w3 === 0 && w4 === 0;
  // Mapped, or compatible (but not :: or ::1, which are IPv6's own).
  if (zeroToW4 && (w5 === 0xffff || (w5 === 0 && w6 !== 0))) {
    return ipv4Of(w6, w7);
  }
  if (w0 === 0x64 && w1 === 0xff9b && w2 === 0 && w3 === 0 && w4 === 0 && w5 === 0) {
    return ipv4Of(w6, w7);
  }
  if (w0 === 0x2002) {
    return ipv4Of(w1, w2);
  }
  return undefined;
}

/** The address to judge and its family: an IPv6 wrapper of an IPv4 address is that address. */
export function judgedAddress(address: string): { address: string; type: 'ipv4' | 'ipv6' } {
  const embedded = embeddedIpv4(address);
  if (embedded !== undefined) {
    return { address: embedded, type: 'ipv4' };
  }
  return { address, type: isIP(address) === 4 ? 'ipv4' : 'ipv6' };
}

/** Whether a request to `address` would reach a local, private or reserved network. */
export function isNonPublic(address: string): boolean {
  const { address: ip, type } = judgedAddress(address);
  return NON_PUBLIC.check(ip, type);
}
