import { isIPv6 } from 'node:net';

/**
 * The address sign-in throttling counts a client by: an IPv4 address as it is (also when it
 * arrives IPv4-mapped, `::ffff:10.0.0.1`), an IPv6 address by its /64 network, since one host is
 * routinely given a whole /64 and could otherwise take a fresh address for every guess.
 * `request.ip` is the peer, or with `BATON_TRUST_PROXY` the client named by `X-Forwarded-For`.
 */
export function throttlingAddress(ip: string | undefined): string {
  if (!ip) return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1]!;
  if (!isIPv6(ip)) return ip;
  return `${expandIPv6(ip).slice(0, 4).join(':')}::/64`;
}

/** The eight 16-bit groups of an IPv6 address, `::` filled in, without leading zeros. */
function expandIPv6(ip: string): string[] {
  const [head = '', tail] = ip.split('::');
  const groups = (part: string): string[] => (part === '' ? [] : part.split(':'));
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  const zeros = Array.from({ length: 8 - left.length - right.length }, () => '0');
  return [...left, ...zeros, ...right].map((group) => (group.includes('.') ? group : Number.parseInt(group, 16).toString(16)));
}
