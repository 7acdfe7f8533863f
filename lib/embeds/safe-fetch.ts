import 'server-only';
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type { LookupFunction } from 'node:net';
import { isPrivateAddress } from './addresses';

// Fetches a page or an oEmbed answer for a reporter's pasted address, on the server, safely: http(s)
// only, at most 3 redirects, 5 s in all, 1 MB at most, and never a private, loopback or link-local
// address unless the host is one the providers list names. The address check runs inside the
// connection's own DNS lookup, so a name cannot resolve to a public address for the check and a
// private one for the connection; every redirect is checked again.

export type RefusalReason = 'bad-address' | 'private-address' | 'not-found' | 'http-error' | 'too-large' | 'timed-out' | 'too-many-redirects' | 'unreachable';

const MESSAGES: Record<RefusalReason, string> = {
  'bad-address': 'That is not a web address (http or https).',
  'private-address': 'That address points into a private network, which Masthead does not fetch.',
  'not-found': 'Nothing was found at that address.',
  'http-error': 'The site answered with an error.',
  'too-large': 'The answer was too large (over 1 MB).',
  'timed-out': 'The site took too long to answer (over 5 seconds).',
  'too-many-redirects': 'The address redirects too many times.',
  unreachable: 'The site could not be reached.',
};

export class FetchRefusedError extends Error {
  constructor(
    readonly reason: RefusalReason,
    detail?: string,
  ) {
    super(detail ? `${MESSAGES[reason]} (${detail})` : MESSAGES[reason]);
  }
}

export type SafeFetchOptions = {
  /** Hosts with their ports (`host:port` when not the default) that may be private: the providers list's own endpoints. */
  trustedHosts?: ReadonlySet<string>;
  maxBytes?: number;
  timeoutMs?: number;
  maxRedirects?: number;
  accept?: string;
  /** Conditional-request headers (If-None-Match, If-Modified-Since): a 304 then comes back as is. */
  conditional?: { etag?: string | null; modified?: string | null };
  userAgent?: string;
};

export type Fetched = { url: string; status: number; contentType: string; body: Buffer; etag: string | null; modified: string | null };
type Answer = Omit<Fetched, 'url'> & { location: string | null };

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** A DNS lookup that refuses private answers for hosts not trusted. */
function guardedLookup(trusted: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const list = addresses as dns.LookupAddress[];
      const usable = trusted ? list : list.filter((a) => !isPrivateAddress(a.address));
      if (usable.length === 0 || (!trusted && usable.length !== list.length)) {
        return callback(Object.assign(new Error('private address'), { code: 'EPRIVATE' }), '', 0);
      }
      if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, usable);
      callback(null, usable[0]!.address, usable[0]!.family);
    });
  };
}

function checkAddress(raw: string, trustedHosts: ReadonlySet<string>): { url: URL; trusted: boolean } {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new FetchRefusedError('bad-address');
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password || !url.hostname) throw new FetchRefusedError('bad-address');
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const trusted = trustedHosts.has(url.host.toLowerCase());
  // A literal address is never looked up: judge it here.
  if (net.isIP(host) && !trusted && isPrivateAddress(host)) throw new FetchRefusedError('private-address', host);
  return { url, trusted };
}

type Limits = Required<Omit<SafeFetchOptions, 'trustedHosts' | 'conditional'>> & Pick<SafeFetchOptions, 'conditional'>;

function requestOnce(url: URL, trusted: boolean, options: Limits, signal: AbortSignal): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const client = url.protocol === 'https:' ? https : http;
    const request = client.request(
      url,
      {
        method: 'GET',
        signal,
        lookup: guardedLookup(trusted),
        headers: {
          accept: options.accept,
          'accept-encoding': 'identity',
          'user-agent': options.userAgent,
          ...(options.conditional?.etag ? { 'if-none-match': options.conditional.etag } : {}),
          ...(options.conditional?.modified ? { 'if-modified-since': options.conditional.modified } : {}),
        },
      },
      (response) => {
        const status = response.statusCode ?? 0;
        const location = REDIRECTS.has(status) ? (response.headers.location ?? null) : null;
        const etag = typeof response.headers.etag === 'string' ? response.headers.etag.slice(0, 300) : null;
        const modified = typeof response.headers['last-modified'] === 'string' ? response.headers['last-modified'].slice(0, 100) : null;
        if (location !== null || status >= 400 || status === 304) {
          response.resume();
          return resolve({ status, location, contentType: '', body: Buffer.alloc(0), etag, modified });
        }
        const declared = Number(response.headers['content-length']);
        if (Number.isFinite(declared) && declared > options.maxBytes) {
          response.destroy();
          return reject(new FetchRefusedError('too-large'));
        }
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > options.maxBytes) {
            response.destroy();
            reject(new FetchRefusedError('too-large'));
            return;
          }
          chunks.push(chunk);
        });
        response.on('end', () => resolve({ status, location: null, contentType: String(response.headers['content-type'] ?? ''), body: Buffer.concat(chunks), etag, modified }));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end();
  });
}

/** GETs `address` under the limits above; a refusal is a FetchRefusedError naming why. */
export async function safeFetch(address: string, options: SafeFetchOptions = {}): Promise<Fetched> {
  const limits: Limits = {
    maxBytes: options.maxBytes ?? 1_048_576,
    timeoutMs: options.timeoutMs ?? 5000,
    maxRedirects: options.maxRedirects ?? 3,
    accept: options.accept ?? '*/*',
    userAgent: options.userAgent ?? 'Masthead embed resolver (+https://masthead.example/embeds)',
    conditional: options.conditional,
  };
  const trustedHosts = options.trustedHosts ?? new Set<string>();
  const signal = AbortSignal.timeout(limits.timeoutMs);
  let current = address;
  for (let hop = 0; ; hop++) {
    const { url, trusted } = checkAddress(current, trustedHosts);
    let answer;
    try {
      answer = await requestOnce(url, trusted, limits, signal);
    } catch (error) {
      if (error instanceof FetchRefusedError) throw error;
      const code = (error as { code?: string; name?: string }).code;
      if (code === 'EPRIVATE') throw new FetchRefusedError('private-address', url.hostname);
      if (signal.aborted || code === 'ABORT_ERR' || (error as Error).name === 'AbortError') throw new FetchRefusedError('timed-out');
      throw new FetchRefusedError('unreachable', code);
    }
    if (answer.location !== null) {
      if (hop >= limits.maxRedirects) throw new FetchRefusedError('too-many-redirects');
      current = new URL(answer.location, url).toString();
      continue;
    }
    if (answer.status === 404 || answer.status === 410) throw new FetchRefusedError('not-found');
    if (answer.status >= 400) throw new FetchRefusedError('http-error', String(answer.status));
    return { url: url.toString(), status: answer.status, contentType: answer.contentType, body: answer.body, etag: answer.etag, modified: answer.modified };
  }
}
