// Whether this process can reach PostgreSQL, as seen by its last queries. The server (scripts/
// server.ts) reads it to turn a page that failed while the database is down into 503 Service
// Unavailable with Retry-After rather than a bare 500. Kept on globalThis: the server and Next's
// bundles are separate module graphs in one process.

type Availability = { downSince: number | null };
const holder = globalThis as unknown as { __mastheadDb?: Availability };
const state: Availability = (holder.__mastheadDb ??= { downSince: null });

/** Errors that mean "no database", not "a bad query": refused, reset, timed out, shutting down. */
export function isUnreachable(error: unknown): boolean {
  const text = error instanceof Error ? `${error.message} ${(error as { code?: unknown }).code ?? ''} ${String((error as { cause?: unknown }).cause ?? '')}` : String(error);
  return /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|Connection terminated|connection timeout|timeout exceeded|Query read timeout|terminating connection|the database system is (starting up|shutting down)|57P0[1-3]|Can't reach database|DatabaseNotReachable/i.test(text);
}

export function markDatabaseDown(): void {
  state.downSince ??= Date.now();
}

export function markDatabaseUp(): void {
  state.downSince = null;
}

export function databaseDownSince(): number | null {
  return state.downSince;
}
