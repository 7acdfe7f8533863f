import 'server-only';
import { db } from '@/lib/db';

export type SectionSummary = { name: string; slug: string };

export async function getSection(slug: string): Promise<SectionSummary | null> {
  return db.section.findUnique({ where: { slug }, select: { name: true, slug: true } });
}

export async function listSections(): Promise<(SectionSummary & { id: string })[]> {
  return db.section.findMany({ orderBy: { position: 'asc' }, select: { id: true, name: true, slug: true } });
}
