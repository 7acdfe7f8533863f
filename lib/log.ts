import { AsyncLocalStorage } from 'node:async_hooks';
import pino, { type DestinationStream } from 'pino';

// The server's log. In production one JSON object per line (pino), each carrying the id of the
// request it belongs to, for a log collector to index; in development the same events as readable
// lines. The request id comes from scripts/server.ts, which runs each request inside `withRequest`;
// the context is kept on globalThis because the server and Next's bundles are separate module
// graphs in one process.

type Context = { requestId: string };
const holder = globalThis as unknown as { __mastheadRequests?: AsyncLocalStorage<Context>; __mastheadLog?: pino.Logger };
const requests = (holder.__mastheadRequests ??= new AsyncLocalStorage<Context>());

export function withRequest<T>(requestId: string, work: () => T): T {
  return requests.run({ requestId }, work);
}

export function currentRequestId(): string | undefined {
  return requests.getStore()?.requestId;
}

const LEVELS: Record<number, string> = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' };

/** Development: "12:04:05 error [cache] revalidation answered 500 (req 3f2a…)". */
function readableLines(): DestinationStream {
  return {
    write(line: string) {
      const { level, time, msg, requestId, err, pid: _pid, hostname: _host, ...rest } = JSON.parse(line) as Record<string, unknown>;
      const extra = Object.keys(rest).length ? ` ${JSON.stringify(rest)}` : '';
      const stack = err && typeof err === 'object' && 'stack' in err ? `\n${String(err.stack)}` : '';
      const text = `${new Date(Number(time)).toISOString().slice(11, 19)} ${LEVELS[Number(level)] ?? level} ${String(msg ?? '')}${extra}${requestId ? ` (req ${String(requestId).slice(0, 8)})` : ''}${stack}\n`;
      (Number(level) >= 50 ? process.stderr : process.stdout).write(text);
    },
  };
}

export const log: pino.Logger = (holder.__mastheadLog ??= pino(
  {
    level: process.env.MASTHEAD_LOG_LEVEL || 'info',
    base: { pid: process.pid },
    mixin: () => {
      const requestId = currentRequestId();
      return requestId ? { requestId } : {};
    },
  },
  process.env.NODE_ENV === 'production' ? pino.destination({ sync: true }) : readableLines(),
));

// Addresses whose last segment is a secret: whoever reads the log must not be able to use it.
const SECRET_PATHS = /^(\/(?:reset-password|preview)\/)(?!front(?:\/|$))[^/?#]+/i;

/** A request path as the log may show it: `/reset-password/[redacted]`, `/preview/[redacted]`. */
export function redactPath(path: string): string {
  return path.replace(SECRET_PATHS, '$1[redacted]');
}
