import { type LookupAddress, lookup } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { ConnectError } from '@junction/connect-client';
import { Agent, buildConnector, FormData as UndiciFormData, fetch as undiciFetch } from 'undici';
import { isNonPublic, judgedAddress } from './ip-address.ts';

/** What may be reached anyway: host names, addresses and CIDR ranges (JUNCTION_EGRESS_ALLOW). */
export interface EgressPolicy {
  allow: readonly string[];
}

interface CompiledPolicy {
  hosts: Set<string>;
  addresses: BlockList;
}

function compile(policy: EgressPolicy): CompiledPolicy {
  const hosts = new Set<string>();
  const addresses = new BlockList();
  for (const entry of policy.allow.map((e) => e.trim().toLowerCase()).filter(Boolean)) {
    const [network = '', prefix] = entry.split('/');
    const family = isIP(network);
    if (family === 0) {
      hosts.add(entry);
    } else if (prefix === undefined) {
      addresses.addAddress(network, family === 4 ? 'ipv4' : 'ipv6');
    } else {
      // Digits only: Number('') is 0, and "10.0.0.0/" must not allow every address.
      const bits = /^\d+$/.test(prefix) ? Number(prefix) : Number.NaN;
      if (!Number.isInteger(bits) || bits > (family === 4 ? 32 : 128)) {
        throw new Error(`JUNCTION_EGRESS_ALLOW: "${entry}" is not an address range.`);
      }
      addresses.addSubnet(network, bits, family === 4 ? 'ipv4' : 'ipv6');
    }
  }
  return { hosts, addresses };
}

/** Why `address` (of `host`) may not be called, or undefined when it may. */
function refusal(policy: CompiledPolicy, host: string, address: string): string | undefined {
  const { address: ip, type } = judgedAddress(address);
  if (policy.hosts.has(host.toLowerCase()) || policy.addresses.check(ip, type)) {
    return undefined;
  }
  if (!isNonPublic(address)) {
    return undefined;
  }
  const where = host === address ? address : `${host} (${address})`;
  return `Junction does not call local or private network addresses: ${where}. An administrator can allow it with JUNCTION_EGRESS_ALLOW.`;
}

/** The same judgement for one address, for callers and tests outside a connection. */
export function egressRefusal(
  policy: EgressPolicy,
  host: string,
  address: string,
): string | undefined {
  return refusal(compile(policy), host, address);
}

class EgressRefused extends Error {}

/** DNS lookup that refuses names resolving to a non-public address: checked at connect time. */
function guardedLookup(policy: CompiledPolicy): LookupFunction {
  return (hostname, options, callback) => {
    lookup(hostname, { ...options, all: true }, (error, found: LookupAddress[]) => {
      if (error) {
        callback(error, '', 0);
        return;
      }
      const refused = found
        .map((a) => refusal(policy, hostname, a.address))
        .find((r) => r !== undefined);
      if (refused) {
        callback(new EgressRefused(refused), '', 0);
      } else if (options.all) {
        (callback as unknown as (e: null, all: LookupAddress[]) => void)(null, found);
      } else {
        callback(null, found[0]?.address ?? '', found[0]?.family ?? 4);
      }
    });
  };
}

/**
 * A fetch for calls to user-supplied endpoints. Every connection it opens, the
 * first and any redirect, is checked when the socket is made: an IP literal
 * directly, a name after DNS resolution (so a name cannot be re-pointed between
 * a check and the call). A refusal is a ConnectError with a message that says
 * what was refused and how to allow it; it is never retried.
 */
export function createGuardedFetch(policy: EgressPolicy): typeof fetch {
  const compiled = compile(policy);
  const connect = buildConnector({ lookup: guardedLookup(compiled) });
  const agent = new Agent({
    connect: (options, callback) => {
      const host = options.hostname.replace(/^\[|\]$/g, '');
      const refused = isIP(host) ? refusal(compiled, host, host) : undefined;
      if (refused) {
        callback(new EgressRefused(refused), null);
        return;
      }
      connect(options, callback);
    },
  });
  return (async (input: string | URL | Request, init?: RequestInit) => {
    try {
      return (await undiciFetch(
        input as never,
        {
          ...(init as object),
          ...(init?.body instanceof FormData ? { body: asUndiciForm(init.body) } : {}),
          dispatcher: agent,
        } as never,
      )) as unknown as Response;
    } catch (error) {
      const cause = (error as { cause?: unknown }).cause;
      if (cause instanceof EgressRefused) {
        throw new ConnectError(cause.message);
      }
      throw error;
    }
  }) as typeof fetch;
}

/**
 * The same form as this undici's FormData. Node's global FormData comes from the
 * undici bundled with Node, which this fetch does not recognise: it would send the
 * form as the text "[object FormData]" instead of multipart (usage file uploads).
 */
function asUndiciForm(form: FormData): UndiciFormData {
  const copy = new UndiciFormData();
  for (const [name, value] of form) {
    if (typeof value === 'string') {
      copy.append(name, value);
    } else {
      copy.append(name, value, value.name);
    }
  }
  return copy;
}
