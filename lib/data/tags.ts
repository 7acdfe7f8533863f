import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { slugify } from '@/lib/slug';
import { normaliseTagName } from '@/lib/validations/story';

/**
 * Turns typed tag names into tag ids, creating new tags on the fly. Names that differ only in case
 * or spacing are one tag; the first spelling the newsroom used is kept.
 */
/** The tags these names stand for, by slug (names that differ only in case or spacing are one tag). */
export function tagsBySlug(names: string[]): Map<string, string> {
  const bySlug = new Map<string, string>();
  for (const raw of names) {
    const name = normaliseTagName(raw);
    const slug = slugify(name) || slugify(encodeURIComponent(name));
    if (slug && !bySlug.has(slug)) bySlug.set(slug, name);
  }
  return bySlug;
}

export async function resolveTags(tx: Prisma.TransactionClient, names: string[]): Promise<string[]> {
  const bySlug = tagsBySlug(names);
  const ids: string[] = [];
  for (const [slug, name] of bySlug) {
    const tag = await tx.tag.upsert({ where: { slug }, update: {}, create: { slug, name }, select: { id: true } });
    ids.push(tag.id);
  }
  return ids;
}
