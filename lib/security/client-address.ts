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
