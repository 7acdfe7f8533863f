import 'server-only';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';

// URLs that once led to a story and no longer do: the story moved (new slug or section) or left the
// public site. The proxy asks on every two-segment request, so each answer (most often "not
// retired") is remembered per address: a keyed lookup the first time, memory after that. Writes that
// retire or revive a URL call forgetRetiredPaths(), here and, through the cache's NOTIFY listener,
// on every instance; the TTL only bounds an answer should a notification be missed.

// 'withheld': taken down for legal reasons, answered 451 at every address the story has had.
export type RetiredPath = { kind: 'moved'; to: string } | { kind: 'gone' } | { kind: 'withheld' };

const TTL_MS = 5 * 60_000;
const MAX_ENTRIES = 20_000;
type Entry = { value: RetiredPath | null; expires: number };
type State = { entries: Map<string, Entry>; pending: Map<string, Promise<RetiredPath | null>>; generation: number };
// On globalThis: the proxy, the pages and the job worker are separate bundles in one process.
const holder = globalThis as unknown as { __mastheadRetiredPaths?: State };
const state: State = (holder.__mastheadRetiredPaths ??= { entries: new Map(), pending: new Map(), generation: 0 });

async function load(path: string): Promise<RetiredPath | null> {
  const [row] = await db.$queryRaw<{ status: string; slug: string; section: string | null; withheld: boolean }[]>`
    SELECT st."status", st."slug", sec."slug" AS "section", st."takenDownAt" IS NOT NULL AS "withheld"
    FROM "StoryPath" sp
    JOIN "Story" st ON st."id" = sp."storyId"
    LEFT JOIN "Section" sec ON sec."id" = st."sectionId"
    WHERE sp."path" = ${path}`;
  if (!row) return null;
  if (row.withheld && row.status === 'PUBLISHED') return { kind: 'withheld' };
  const live = row.status === 'PUBLISHED' && row.section !== null;
  if (live && `${row.section}/${row.slug}` === path) return null; // the story lives here
  return live ? { kind: 'moved', to: `/${row.section}/${row.slug}` } : { kind: 'gone' };
}

/** What a path like "world/old-slug" has become, or null if it is not a retired story URL. */
export async function lookupRetiredPath(path: string): Promise<RetiredPath | null> {
  const hit = state.entries.get(path);
  if (hit && hit.expires > Date.now()) return hit.value;
  let pending = state.pending.get(path);
  if (!pending) {
    const { generation } = state;
    pending = load(path)
      .then((value) => {
        // A lookup that began before a forget() must not keep what the write made untrue.
        if (state.generation === generation) {
          state.entries.delete(path);
          if (state.entries.size >= MAX_ENTRIES) state.entries.delete(state.entries.keys().next().value!);
          state.entries.set(path, { value, expires: Date.now() + TTL_MS });
        }
        return value;
      })
      .finally(() => {
        if (state.pending.get(path) === pending) state.pending.delete(path);
      });
    state.pending.set(path, pending);
  }
  return pending;
}

export function forgetRetiredPaths(): void {
  state.generation += 1;
  state.entries.clear();
  state.pending.clear();
}

/**
 * Records the story's current public path if it is live. Called inside every transaction that
 * publishes a story or changes where a live story lives; a path reused by another story moves to it.
 */
export async function recordStoryPath(tx: Prisma.TransactionClient, storyId: string): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO "StoryPath" ("path", "storyId")
    SELECT sec."slug" || '/' || st."slug", st."id"
    FROM "Story" st JOIN "Section" sec ON sec."id" = st."sectionId"
    WHERE st."id" = ${storyId} AND st."status" = 'PUBLISHED'
    ON CONFLICT ("path") DO UPDATE SET "storyId" = EXCLUDED."storyId"`;
}
