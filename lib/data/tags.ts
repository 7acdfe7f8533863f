import 'server-only';
import { slugify } from '@/lib/slug';
import { normaliseTagName } from '@/lib/validations/story';

/** The tags these names stand for, by slug: names that differ only in case or spacing are one tag, under the first spelling given. */
export function tagsBySlug(names: string[]): Map<string, string> {
  const bySlug = new Map<string, string>();
  for (const raw of names) {
    const name = normaliseTagName(raw);
    const slug = slugify(name) || slugify(encodeURIComponent(name));
    if (slug && !bySlug.has(slug)) bySlug.set(slug, name);
  }
  return bySlug;
}
