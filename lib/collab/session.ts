import 'server-only';
import type { IncomingHttpHeaders } from 'node:http';
import { decode } from 'next-auth/jwt';
import { findSessionViewer } from '@/lib/data/sessions';
import type { Viewer } from '@/lib/data/viewer';

// Who opened a WebSocket: read from the same Auth.js cookie the pages read (lib/auth.ts), outside
// Next's request handling, which does not see upgrades. The session row decides, as on every page.

const COOKIE_NAMES = ['__Secure-authjs.session-token', 'authjs.session-token'];

function cookiesOf(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0) cookies.set(part.slice(0, at).trim(), decodeURIComponent(part.slice(at + 1).trim()));
  }
  return cookies;
}

/** The cookie's value, joined when Auth.js split a large one into `.0`, `.1`… chunks. */
function tokenNamed(cookies: Map<string, string>, name: string): string | null {
  if (cookies.has(name)) return cookies.get(name)!;
  const chunks: string[] = [];
  for (let i = 0; cookies.has(`${name}.${i}`); i++) chunks.push(cookies.get(`${name}.${i}`)!);
  return chunks.length ? chunks.join('') : null;
}

export type UpgradeSession = { viewer: Viewer; sessionId: string };

/** The signed-in person behind an upgrade request, or null. */
export async function sessionOfUpgrade(headers: IncomingHttpHeaders): Promise<UpgradeSession | null> {
  const secret = process.env.AUTH_SECRET;
  if (!secret) return null;
  const cookies = cookiesOf(headers.cookie);
  for (const name of COOKIE_NAMES) {
    const token = tokenNamed(cookies, name);
    if (!token) continue;
    const payload = await decode({ token, secret, salt: name }).catch(() => null);
    const sessionId = typeof payload?.sid === 'string' ? payload.sid : null;
    if (!sessionId) return null;
    const viewer = await findSessionViewer(sessionId);
    return viewer ? { viewer, sessionId } : null;
  }
  return null;
}
