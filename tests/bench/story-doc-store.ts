import * as Y from 'yjs';
import { BODY_FIELD } from '@/lib/collab/body-field';
import { withDataLayer } from './data-layer';
import { percentile } from './http';
import { storyOf } from './typing';

// The cost of one store of a shared document (storeStoryDoc, which the collaboration server calls
// debounced after edits) in stories of growing length, each store holding one more typed character,
// called from this process on the bench's database, as the collaboration server calls it. Both
// kinds are timed: the store made while typing goes on (the edit appended to the document's log)
// and the one made at a pause (the state written whole and the Story row written from it). The ratio to the shortest story shows how far each cost follows the story's size rather
// than the change's.

export type StoreCost = { p50: number; p95: number };
export type StoreRow = { words: number; stateKiB: number; typing: StoreCost; pause: StoreCost };

export async function benchStoryDocStore(databaseUrl: string, sizes = [100, 1_000, 5_000, 30_000], stores = 40): Promise<StoreRow[]> {
  return withDataLayer(databaseUrl, async () => {
    const { db } = await import('@/lib/db');
    const { createStory } = await import('@/lib/data/stories');
    const { openStoryDoc, storeStoryDoc } = await import('@/lib/data/story-docs');
    const rows: StoreRow[] = [];
    const reporter = await db.user.findUniqueOrThrow({ where: { email: 'reporter@example.com' }, select: { id: true, role: true, active: true, name: true, email: true } });
    const section = await db.section.findUniqueOrThrow({ where: { slug: 'world' }, select: { id: true } });
    for (const words of sizes) {
      const story = await createStory(reporter, {
        headline: `Store bench ${words} ${Date.now()}`, dek: '', slug: '', sectionId: section.id, tags: [], bylineIds: [reporter.id],
        creditLine: '', dateline: '', seoTitle: '', seoDescription: '', featuredImageId: null,
        body: storyOf(words) as never,
      });
      const doc = new Y.Doc();
      const opened = await openStoryDoc(story.id);
      Y.applyUpdate(doc, opened.state);
      // What is known stored, as the collaboration server keeps it (lib/collab/server.ts).
      let known = { mark: opened.mark, vector: Y.encodeStateVector(doc) };
      // The first paragraph's text, where each store's new character is typed.
      const text = (doc.getXmlFragment(BODY_FIELD).get(0) as Y.XmlElement).get(0) as Y.XmlText;
      const timed = async (row: boolean): Promise<StoreCost> => {
        const times: number[] = [];
        for (let i = 0; i < stores; i++) {
          text.insert(text.length, 'x');
          // Timed from where the server starts: encoding what it stores is part of the cost.
          const t0 = performance.now();
          const vector = Y.encodeStateVector(doc);
          const typed = row ? undefined : { delta: Y.encodeStateAsUpdate(doc, known.vector), mark: known.mark };
          const result = await storeStoryDoc(story.id, row ? Y.encodeStateAsUpdate(doc) : () => Y.encodeStateAsUpdate(doc), [reporter.id], { row, typed });
          times.push(performance.now() - t0);
          known = { mark: result.mark, vector };
        }
        // The first five warm the connection and the code paths.
        const sorted = times.slice(5).sort((a, b) => a - b);
        return { p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
      };
      const typing = await timed(false);
      const pause = await timed(true);
      rows.push({ words, stateKiB: Y.encodeStateAsUpdate(doc).byteLength / 1024, typing, pause });
      doc.destroy();
    }
    return rows;
  });
}
