// Which address a request came from. The server (scripts/server.ts) works it out from the socket
// and the proxies it has been told to trust, then passes it on in CLIENT_HEADER, replacing whatever
// a client sent under that name; rate limits read only that header.

export const CLIENT_HEADER = 'x-masthead-client';

function normalise(address: string): string {
  const trimmed = address.trim();
  // An IPv4 client on a dual-stack socket shows up as ::ffff:203.0.113.7.
  return trimmed.startsWith('::ffff:') && trimmed.includes('.') ? trimmed.slice(7) : trimmed;
}

/**
 * The client's address. Each trusted proxy appends the address it received the request from to
 * X-Forwarded-For, so with N trusted hops the client is the Nth entry from the right of the chain
 * "forwarded entries…, socket peer". Entries further left are whatever the client chose to send and
 * are never believed. With 0 hops (the default) it is the socket peer itself.
 */
export function clientAddress(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, trustedProxies: number): string {
  const forwarded = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? ''))
    .split(',')
    .map(normalise)
    .filter(Boolean);
  const chain = [...forwarded, normalise(socketAddress ?? '')].filter(Boolean);
  if (chain.length === 0) return 'unknown';
  const index = chain.length - 1 - Math.max(0, trustedProxies);
  return chain[Math.max(0, index)]!;
}

/** The address the server worked out, for code that only sees the request's headers. */
export function clientFromHeaders(headers: Headers): string {
  return headers.get(CLIENT_HEADER) || 'unknown';
}

/**
 * The key a rate limit counts an address under. One IPv6 client is usually given a whole /64 and
 * can pick any address in it, so IPv6 addresses count by their /64; IPv4 addresses count alone.
 */
export function limitKeyOf(address: string): string {
  const bare = address.replace(/^\[|\]$/g, '').split('%')[0]!.toLowerCase();
  if (!bare.includes(':')) return bare;
  const [head, tail = ''] = bare.split('::');
  const left = head ? head.split(':') : [];
  const right = bare.includes('::') && tail ? tail.split(':') : [];
  // An IPv4 tail (::ffff:1.2.3.4 and the like) takes two groups.
  const groups = (parts: string[]) => parts.flatMap((p) => (p.includes('.') ? ['0', '0'] : [p]));
  const known = [...groups(left), ...groups(right)];
  if (known.length > 8 || known.some((g) => !/^[0-9a-f]{1,4}$/.test(g))) return bare; // not an address: counted as given
  const full = bare.includes('::') ? [...groups(left), ...Array<string>(8 - known.length).fill('0'), ...groups(right)] : known;
  return `${full.slice(0, 4).map((g) => Number.parseInt(g, 16).toString(16)).join(':')}::/64`;
}
