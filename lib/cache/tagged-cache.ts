import 'server-only';
import pg from 'pg';
import { env } from '@/lib/env';
import { log } from '@/lib/log';

// The public site's read cache: results kept in memory under tags, dropped when a write
// invalidates one of their tags. Next's own data cache cannot be invalidated from the job worker
// that publishes scheduled stories (no request context there), so the cache is ours. Other app
// instances hear of invalidations through PostgreSQL NOTIFY; the TTL bounds staleness should a
// notification be missed while a listener reconnects.

const CHANNEL = 'masthead_cache';
const TTL_MS = 5 * 60_000;
const MAX_ENTRIES = 5_000;

type Entry = { value: unknown; tags: string[]; expires: number };
/** `missed` is true after the listener reconnected: invalidations may have gone unheard meanwhile. */
type InvalidationListener = (dropped: string[], missed: boolean) => void;
type State = { entries: Map<string, Entry>; byTag: Map<string, Set<string>>; pending: Map<string, Promise<unknown>>; generation: number; listening?: Promise<void>; listeners?: InvalidationListener[] };
// Shared by the bundles of one process (pages, route handlers, proxy, job worker): the one
// connection that listens calls the listeners every bundle registered.
const holder = globalThis as unknown as { __mastheadCache?: State };
const state: State = (holder.__mastheadCache ??= { entries: new Map<string, Entry>(), byTag: new Map<string, Set<string>>(), pending: new Map(), generation: 0 });
const listeners: InvalidationListener[] = (state.listeners ??= []);

function forget(key: string) {
  const entry = state.entries.get(key);
  if (!entry) return;
  state.entries.delete(key);
  for (const tag of entry.tags) state.byTag.get(tag)?.delete(key);
}

function store(key: string, value: unknown, entryTags: string[]) {
  if (state.entries.size >= MAX_ENTRIES) forget(state.entries.keys().next().value!);
  state.entries.set(key, { value, tags: entryTags, expires: Date.now() + TTL_MS });
  for (const tag of entryTags) {
    let keys = state.byTag.get(tag);
    if (!keys) state.byTag.set(tag, (keys = new Set<string>()));
    keys.add(key);
  }
}

/** Drops every entry carrying one of these tags, in this process only. */
export function dropTags(dropped: Iterable<string>): void {
  state.generation += 1;
  // Reads already under way may predate the write: later callers must not join them.
  state.pending.clear();
  for (const tag of dropped) {
    for (const key of [...(state.byTag.get(tag) ?? [])]) forget(key);
    state.byTag.delete(tag);
  }
}

/**
 * Wraps a read so that its result is kept until one of its tags is invalidated. `tagsOf` sees the
 * arguments and the result, so a story read can be tagged with the story's own id, section, tags.
 */
export function cached<A extends unknown[], R>(
  name: string,
  read: (...args: A) => Promise<R>,
  tagsOf: (args: A, result: R) => string[],
): (...args: A) => Promise<R> {
  return async (...args: A) => {
    void listen();
    const key = `${name}:${JSON.stringify(args)}`;
    const hit = state.entries.get(key);
    if (hit && hit.expires > Date.now()) return structuredClone(hit.value) as R;
    // The page and its metadata ask for the same story at the same moment: one read serves both.
    let pending = state.pending.get(key) as Promise<R> | undefined;
    if (!pending) {
      const generation = state.generation;
      pending = read(...args)
        .then((value) => {
          // A write that landed while this read ran may have made the result stale: serve it, keep it not.
          if (state.generation === generation) store(key, value, tagsOf(args, value));
          return value;
        })
        .finally(() => state.pending.delete(key));
      state.pending.set(key, pending);
    }
    return structuredClone(await pending);
  };
}

/**
 * Tells every instance (this one too, through its listener) to drop these tags. Inside a
 * transaction the notification is delivered at the commit, and not at all after a rollback;
 * the writer drops its own entries again after the commit (dropTags), without waiting to hear it.
 */
export async function announceInvalidation(client: { $executeRaw: (q: TemplateStringsArray, ...v: unknown[]) => Promise<number> }, dropped: string[]) {
  if (dropped.length > 0) await client.$executeRaw`SELECT pg_notify(${CHANNEL}, ${dropped.join(' ')})`;
}


/** Also tells `listener` about every invalidation this instance hears of (its own included). */
export function onInvalidation(listener: InvalidationListener): Promise<void> {
  listeners.push(listener);
  return listen();
}

const RECONNECT_MS = [500, 1_000, 2_000, 5_000];

function listen(): Promise<void> {
  if (state.listening) return state.listening;
  const url = env().DATABASE_URL;
  if (!url) return Promise.resolve();
  let attempt = 0;
  let missed = false; // true once a connection was lost or could not be made
  const retry = (error?: unknown) => {
    if (error) log.error({ err: error }, '[cache] cannot listen for invalidations');
    missed = true;
    // Pages and workers rely on this listener between reads, so it comes back by itself.
    const delay = RECONNECT_MS[Math.min(attempt++, RECONNECT_MS.length - 1)]!;
    setTimeout(() => void connect().catch(retry), delay).unref();
  };
  const connect = async (): Promise<void> => {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000, query_timeout: 5_000, keepAlive: true });
    let lost = false;
    const onLost = (error?: unknown) => {
      if (lost) return;
      lost = true;
      void client.end().catch(() => {});
      retry(error);
    };
    client.on('notification', (message) => {
      if (message.channel !== CHANNEL || !message.payload) return;
      const dropped = message.payload.split(' ');
      dropTags(dropped);
      for (const listener of listeners) listener(dropped, false);
    });
    client.on('error', onLost);
    client.on('end', () => onLost());
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
    } catch (error) {
      lost = true;
      void client.end().catch(() => {});
      throw error;
    }
    // The listener must not keep a script or test process alive on its own.
    (client as unknown as { connection?: { stream?: { unref?: () => void } } }).connection?.stream?.unref?.();
    attempt = 0;
    if (missed) {
      // Whatever changed while this instance was deaf: drop it all.
      missed = false;
      dropTags([...state.byTag.keys()]);
      for (const listener of listeners) listener([], true);
    }
  };
  state.listening = connect().catch(retry);
  return state.listening;
}
