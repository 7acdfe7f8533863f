import 'server-only';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';

// URLs that once led to a story and no longer do: the story moved (new slug or section) or left the
// public site. Kept in memory and reloaded at most every few seconds, because the proxy asks on every
// two-segment request and the set is small (one row per retired URL). Writes that retire or revive a
// URL call forgetRetiredPaths() so this instance answers at once; other instances within the TTL.

export type RetiredPath = { kind: 'moved'; to: string } | { kind: 'gone' };

const TTL_MS = 2_000;
type State = { map?: Map<string, RetiredPath>; loadedAt: number; generation: number; loading?: Promise<Map<string, RetiredPath>> };
// On globalThis: the proxy, the pages and the job worker are separate bundles in one process.
const holder = globalThis as unknown as { __mastheadRetiredPaths?: State };
const state: State = (holder.__mastheadRetiredPaths ??= { loadedAt: 0, generation: 0 });

async function load(): Promise<Map<string, RetiredPath>> {
  const rows = await db.$queryRaw<{ path: string; status: string; slug: string; section: string | null }[]>`
    SELECT sp."path", st."status", st."slug", sec."slug" AS "section"
    FROM "StoryPath" sp
    JOIN "Story" st ON st."id" = sp."storyId"
    LEFT JOIN "Section" sec ON sec."id" = st."sectionId"
    WHERE NOT (st."status" = 'PUBLISHED' AND sec."slug" IS NOT NULL AND sec."slug" || '/' || st."slug" = sp."path")`;
  const map = new Map<string, RetiredPath>();
  for (const row of rows) {
    map.set(row.path, row.status === 'PUBLISHED' && row.section ? { kind: 'moved', to: `/${row.section}/${row.slug}` } : { kind: 'gone' });
  }
  return map;
}

function current(): Promise<Map<string, RetiredPath>> {
  if (state.map && Date.now() - state.loadedAt <= TTL_MS) return Promise.resolve(state.map);
  if (!state.loading) {
    const { generation } = state;
    const startedAt = Date.now();
    // A load that began before a forget() must not overwrite what the write made true.
    state.loading = load()
      .then((map) => {
        if (state.generation === generation) Object.assign(state, { map, loadedAt: startedAt });
        return map;
      })
      .finally(() => {
        if (state.generation === generation) state.loading = undefined;
      });
  }
  return state.loading;
}

/** What a path like "world/old-slug" has become, or null if it is not a retired story URL. */
export async function lookupRetiredPath(path: string): Promise<RetiredPath | null> {
  return (await current()).get(path) ?? null;
}

export function forgetRetiredPaths(): void {
  state.generation += 1;
  state.map = undefined;
  state.loading = undefined;
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
