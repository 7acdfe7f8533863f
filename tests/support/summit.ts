import { SUMMIT_PARAGRAPHS } from '../../prisma/seed-data/summit';
import { readShared } from './shared';

/**
 * The summit story's paragraphs as the reference source has them (the byline line left out): the
 * shared fixture when it is beside the repository, else the seed's copy of it. With the fixture
 * present, the tests therefore also prove that the seed's copy is word for word the source.
 */
export function summitParagraphs(): string[] {
  const source = readShared('fixtures/summit-article.txt');
  if (!source) return [...SUMMIT_PARAGRAPHS];
  const [byline, ...rest] = source.split(/\r?\n/);
  if (byline !== 'By Diplomacy Journal Lee Jon-young') throw new Error(`Unexpected first line of the summit fixture: ${byline}`);
  return rest.filter((line) => line.trim() !== '');
}
