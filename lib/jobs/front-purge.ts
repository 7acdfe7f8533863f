import 'server-only';
import { db } from '@/lib/db';
import { databaseDownSince } from '@/lib/db-availability';
import { env } from '@/lib/env';
import { log } from '@/lib/log';
import { xkeyHeader } from '@/lib/cache/front-keys';
import { cacheKeys } from '@/lib/cache/keys';
import type { Prisma } from '@/lib/generated/prisma/client';
import { PURGE_SECRET_HEADER, purgeSecret } from '@/lib/security/purge-secret';

// Purges of the cache fronts (MASTHEAD_FRONT_URLS). A change writes the purges it owes into the
// FrontPurge table inside its own transaction, so that they exist exactly when the change does: a
// crash after the commit cannot lose one. Right after the commit the instance that made the change
// sends them itself, to every front at once; a sweep on every instance re-sends whatever a front
// did not confirm (every two seconds, for a day). This is the only code that purges.

const SEND_TIMEOUT_MS = 2_000;
const RETRY_SECONDS = 2;
const GIVE_UP_AFTER = 43_200; // attempts: a day at one every two seconds
const SWEEP_MS = 1_000;
const PURGE_HEADER_BYTES = 6_000; // one xkey-purge line; Varnish's limit is 8 KB

/** Records, inside the caller's transaction, the purge of these keys at every front. */
export async function recordFrontPurge(tx: Prisma.TransactionClient, keys: string[], fronts = env().MASTHEAD_FRONT_URLS): Promise<void> {
  if (fronts.length === 0 || keys.length === 0) return;
  const unique = [...new Set(keys)];
  await tx.frontPurge.createMany({ data: fronts.map((front) => ({ front, keys: unique })) });
}

async function send(front: string, header: string): Promise<void> {
  const response = await fetch(front, {
    method: 'PURGE',
    headers: { 'xkey-purge': header, [PURGE_SECRET_HEADER]: purgeSecret() },
    signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
  });
  if (!response.ok) throw new Error(`The front at ${front} answered ${response.status} to a purge.`);
}

type Claimed = { id: bigint; front: string; keys: string[] };
type Batch = { ids: bigint[]; headers: string[] };

/**
 * Claimed rows as purge requests whose xkey-purge header fits a front's limit on one header line
 * (Varnish refuses a request with a header over http_req_hdr_len, 8 KB by default, with 400). A
 * backlog after a front was down holds hundreds of changes: sent as one header, it would be refused
 * for as long as it is retried, and every new purge claimed with it too. A row is confirmed when
 * every request that carries its keys is; a single row over the limit spans several requests.
 */
export function purgeBatches(rows: { id: bigint; keys: string[] }[], limit = PURGE_HEADER_BYTES): Batch[] {
  const lineLength = (keys: Set<string>) => [...keys].reduce((n, key) => n + key.length + 1, 0) - 1;
  const batches: { ids: bigint[]; keys: Set<string> }[] = [];
  for (const row of rows) {
    const keys = row.keys.map((key) => xkeyHeader([key]));
    const last = batches.at(-1);
    const grown = last ? new Set([...last.keys, ...keys]) : undefined;
    if (last && grown && lineLength(grown) <= limit) {
      last.ids.push(row.id);
      last.keys = grown;
    } else batches.push({ ids: [row.id], keys: new Set(keys) });
  }
  return batches.map(({ ids, keys }) => {
    const headers: string[] = [];
    for (const key of keys) {
      const line = headers.at(-1);
      if (line !== undefined && line.length + 1 + key.length <= limit) headers[headers.length - 1] = `${line} ${key}`;
      else headers.push(key);
    }
    return { ids, headers };
  });
}

/**
 * Sends every purge that is due and not yet confirmed. Rows are claimed for ten seconds first
 * (SKIP LOCKED: instances sweeping at once take different rows), so a purge is sent by one
 * instance at a time and by another if this one dies mid-send. A purge sent twice is harmless.
 */
export async function sendDuePurges(): Promise<number> {
  const claimed = await db.$queryRaw<Claimed[]>`
    UPDATE "FrontPurge" SET "nextAt" = now() + interval '10 seconds', "attempts" = "attempts" + 1
    WHERE "id" IN (
      SELECT "id" FROM "FrontPurge" WHERE "sentAt" IS NULL AND "nextAt" <= now() AND "attempts" < ${GIVE_UP_AFTER}
      ORDER BY "id" LIMIT 500 FOR UPDATE SKIP LOCKED)
    RETURNING "id", "front", "keys"`;
  if (claimed.length === 0) return 0;
  const byFront = new Map<string, Claimed[]>();
  for (const row of claimed) byFront.set(row.front, [...(byFront.get(row.front) ?? []), row]);
  await Promise.all(
    [...byFront].flatMap(([front, rows]) =>
      purgeBatches(rows).map(async ({ ids, headers }) => {
        try {
          for (const header of headers) await send(front, header);
          await db.frontPurge.updateMany({ where: { id: { in: ids } }, data: { sentAt: new Date(), lastError: '' } });
        } catch (error) {
          const why = error instanceof Error ? error.message : String(error);
          log.warn({ front, purges: ids.length }, `[front] purge not confirmed, retrying: ${why}`);
          await db.frontPurge.updateMany({ where: { id: { in: ids } }, data: { nextAt: new Date(Date.now() + RETRY_SECONDS * 1000), lastError: why.slice(0, 500) } });
        }
      }),
    ),
  );
  return claimed.length;
}

/** After a commit: send what it owes now rather than at the next sweep. Never throws. */
export async function flushFrontPurges(): Promise<void> {
  if (env().MASTHEAD_FRONT_URLS.length === 0) return;
  await sendDuePurges().catch((error: unknown) => log.warn({ err: error }, '[front] immediate purge failed; the sweep retries it'));
}

/**
 * Pages cached by the fronts point at the build that rendered them (its script and style chunks).
 * The first instance of a new build to start purges every page once, so that no reader gets a page
 * whose chunks the new build no longer serves. The build id is kept in settings to tell.
 */
export async function purgeForNewBuild(buildId: string, fronts = env().MASTHEAD_FRONT_URLS): Promise<boolean> {
  if (fronts.length === 0) return false;
  const KEY = 'front.buildId';
  const purged = await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${KEY}))`;
    const row = await tx.setting.findUnique({ where: { key: KEY }, select: { value: true } });
    if (row?.value === buildId) return false;
    await tx.setting.upsert({ where: { key: KEY }, update: { value: buildId }, create: { key: KEY, value: buildId } });
    // Only a build that replaces another purges: a first start has nothing cached to replace.
    if (row) await recordFrontPurge(tx, [cacheKeys.site], fronts);
    return row !== null;
  });
  if (purged) await flushFrontPurges();
  return purged;
}

const holder = globalThis as unknown as { __mastheadPurgeSweep?: NodeJS.Timeout };

/** The sweep, on every instance; confirmed rows are kept a day for inspection, then deleted. */
export function startFrontPurging(): void {
  if (env().MASTHEAD_FRONT_URLS.length === 0 || holder.__mastheadPurgeSweep) return;
  let running = false;
  let lastCleanup = 0;
  let tick = 0;
  holder.__mastheadPurgeSweep = setInterval(() => {
    // While the database is known to be down, try only every tenth tick (its errors are logged).
    tick += 1;
    if (running || (databaseDownSince() !== null && tick % 10 !== 0)) return;
    running = true;
    void (async () => {
      try {
        while ((await sendDuePurges()) === 500);
        if (Date.now() - lastCleanup > 3_600_000) {
          lastCleanup = Date.now();
          await db.frontPurge.deleteMany({ where: { sentAt: { lt: new Date(Date.now() - 86_400_000) } } });
        }
      } catch (error) {
        log.warn({ err: error }, '[front] purge sweep failed');
      } finally {
        running = false;
      }
    })();
  }, SWEEP_MS);
  holder.__mastheadPurgeSweep.unref();
}

export function stopFrontPurging(): void {
  clearInterval(holder.__mastheadPurgeSweep);
  holder.__mastheadPurgeSweep = undefined;
}
