import 'server-only';
import { db } from '@/lib/db';

export type SectionSummary = { name: string; slug: string };

export async function getSection(slug: string): Promise<SectionSummary | null> {
  return db.section.findUnique({ where: { slug }, select: { name: true, slug: true } });
}
