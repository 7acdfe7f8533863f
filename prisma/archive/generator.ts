import { parentPort, workerData } from 'node:worker_threads';
import pg from 'pg';
import { line } from './copy';
import { Lexicon } from './search-vector';
import { pick, rng, storyCopy, type Random } from './stories';

// The archive's stories, written as COPY text on a thread of their own while the main thread
// streams the batches before to PostgreSQL: generating costs about as much as loading, and the
// machine has a core for each.

export type GeneratorInput = {
  url: string;
  count: number;
  batch: number;
  runId: string;
  sections: { id: string; slug: string }[];
  editorId: string;
  authors: string[];
  tagIds: string[];
  /** Every how many stories one is set aside for checking its search vector. */
  checkEvery: number;
};

/** A batch's rows for each table as COPY text, in UTF-8. */
export type GeneratedBatch = { stories: Uint8Array; bylines: Uint8Array; tags: Uint8Array; paths: Uint8Array; size: number; checked: string[] };

export type GeneratorMessage = { batch: GeneratedBatch } | { end: true };

const encoder = new TextEncoder();
const utf8 = (lines: string[]) => encoder.encode(lines.join(''));

/** The number of batches written ahead of the one being loaded. */
const AHEAD = 2;
const YEARS = 10;

/** Tags with a long tail: tag k is chosen with weight 1/(k+1). */
function tagPicker(random: Random, tagIds: string[]) {
  const cumulative: number[] = [];
  let sum = 0;
  for (let k = 0; k < tagIds.length; k++) cumulative.push((sum += 1 / (k + 1)));
  return () => {
    const target = random() * sum;
    let lo = 0;
    let hi = tagIds.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < target) lo = mid + 1;
      else hi = mid;
    }
    return tagIds[lo]!;
  };
}

async function generate(input: GeneratorInput, port: NonNullable<typeof parentPort>) {
  const client = new pg.Client({ connectionString: input.url });
  await client.connect();
  const random = rng(input.count);
  const pickTag = tagPicker(random, input.tagIds);
  const lexicon = new Lexicon();
  const now = Date.now();
  const span = YEARS * 365.25 * 24 * 3600 * 1000;
  const authors = input.authors;
  let unacknowledged = 0;
  let wake: (() => void) | undefined;
  port.on('message', () => {
    unacknowledged--;
    wake?.();
  });
  try {
    for (let done = 0; done < input.count; done += input.batch) {
      const size = Math.min(input.batch, input.count - done);
      const copies = Array.from({ length: size }, () => storyCopy(random));
      await lexicon.learn(client, copies.flatMap((c) => [c.headline, c.dek, ...c.sentences]));
      const stories: string[] = [];
      const bylines: string[] = [];
      const tags: string[] = [];
      const paths: string[] = [];
      const checked: string[] = [];
      copies.forEach((copy, i) => {
        const n = done + i;
        const id = `arch${input.runId}s${n}`;
        if (n % input.checkEvery === 0) checked.push(id);
        const section = pick(random, input.sections);
        const slug = `archive-${input.runId}-${n}-${copy.headline.toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 60).replace(/-+$/, '')}`;
        // Published at a time in the last ten years; a few are updated later, some retired.
        const at = now - Math.floor(random() * span);
        const roll = random();
        const status = roll < 0.01 ? 'UNPUBLISHED' : 'PUBLISHED';
        const published = new Date(at).toISOString();
        const updated = random() < 0.05 ? new Date(Math.min(now, at + Math.floor(random() * 30 * 86_400_000))).toISOString() : null;
        const plain = copy.paragraphs.map((p) => p.map((s) => s.text).join(' ')).join('\n');
        // JSON.stringify of { type: 'doc', content: [paragraphs] }, written out without building the
        // tree, from sentences already escaped (a paragraph is its sentences joined by spaces).
        const body = `{"type":"doc","content":[${copy.paragraphs.map((p) => `{"type":"paragraph","content":[{"type":"text","text":"${p.map((s) => s.json).join(' ')}"}]}`).join(',')}]}`;
        const vector = lexicon.vector([[[copy.headline], 'A'], [[copy.dek], 'B'], [copy.sentences, 'C']]);
        stories.push(line([id, copy.headline, copy.dek, slug, body, plain, copy.words, status, section.id, input.editorId, published, updated ?? published, published, published, published, updated, vector]));
        // One to three bylines from the staff of the story's years.
        const authorCount = 1 + Math.floor(random() * random() * 3);
        const era = Math.floor(((now - at) / span) * (authors.length - 10));
        const chosen = new Set<string>();
        while (chosen.size < authorCount) chosen.add(authors[Math.min(authors.length - 1, era + Math.floor(random() * 10))]!);
        // Each link carries its story's publication while the story is live, as the link triggers
        // would set it (a row inserted with one keeps it, and skips the trigger's lookup).
        const liveAt = status === 'PUBLISHED' ? published : null;
        [...chosen].forEach((user, position) => bylines.push(line([id, user, position, liveAt])));
        const tagSet = new Set<string>();
        const tagCount = 2 + Math.floor(random() * 5);
        while (tagSet.size < tagCount) tagSet.add(pickTag());
        for (const tag of tagSet) tags.push(line([id, tag, liveAt]));
        // Every story had an address; 2% later moved to a new slug (the old one redirects), and
        // unpublished stories keep theirs (it answers 410).
        paths.push(line([`${section.slug}/${slug}`, id]));
        if (status === 'PUBLISHED' && roll > 0.98) paths.push(line([`${section.slug}/${slug}-draft-title`, id]));
      });
      while (unacknowledged >= AHEAD) await new Promise<void>((resolve) => (wake = resolve));
      unacknowledged++;
      // Sent as UTF-8 bytes whose memory moves to the main thread: a string of a batch's stories
      // (about 15 MB) was copied across and encoded again there before it went to PostgreSQL.
      const batch = { stories: utf8(stories), bylines: utf8(bylines), tags: utf8(tags), paths: utf8(paths), size, checked };
      port.postMessage({ batch } satisfies GeneratorMessage, [batch.stories.buffer, batch.bylines.buffer, batch.tags.buffer, batch.paths.buffer] as ArrayBuffer[]);
    }
    port.postMessage({ end: true } satisfies GeneratorMessage);
  } finally {
    await client.end();
  }
}

// A failure rejects unhandled, which ends this thread with an 'error' event that seedArchive reports.
if (parentPort && workerData) void generate(workerData as GeneratorInput, parentPort);
