import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { hashPassword } from '@/lib/passwords';

// A generated archive for measuring the site at a real newsroom's size (`npm run db:seed --
// --archive 100000`): ten years of published stories in the demo's sections, several authors per
// story from a staff that changes over time, a long tail of tags (a few used constantly, most
// used a handful of times), bodies of 300 to 3,000 words, and retired URLs (stories that moved to
// a new slug, and stories taken down). Rows go in with multi-row inserts of a batch at a time;
// search vectors are computed by PostgreSQL with the same expression the data layer uses.
// Every generated story carries the slug prefix "archive-", so a second run adds to the archive
// rather than colliding with it.

const BATCH = 500;
const YEARS = 10;
const AUTHORS = 60;
const TAGS = 4_000;

// A small deterministic generator, so that two runs of the same size build comparable archives.
function rng(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SUBJECTS = ['The council', 'The ministry', 'Regional officials', 'The transit authority', 'Union leaders', 'The central bank', 'Residents', 'The opposition', 'Hospital administrators', 'The port authority', 'Investigators', 'The school board', 'Analysts', 'The mayor', 'Negotiators', 'Farmers'];
const VERBS = ['approved', 'rejected', 'delayed', 'questioned', 'announced', 'defended', 'reviewed', 'criticised', 'welcomed', 'proposed', 'extended', 'suspended'];
const OBJECTS = ['the budget for next year', 'a plan to expand the harbour', 'new rules on rental housing', 'the contract with the bus operators', 'a review of water prices', 'the merger of two districts', 'an inquiry into the delays', 'the agreement on fishing quotas', 'a proposal to cut emissions', 'the timetable for the election', 'the sale of the old hospital site', 'a programme of road repairs'];
const CLAUSES = ['after a long debate on Tuesday', 'despite objections from local businesses', 'according to documents seen by reporters', 'in a vote that split the chamber', 'weeks before the deadline', 'as costs continued to rise', 'following complaints from residents', 'in a statement released late on Friday', 'citing concerns about safety', 'for the second time this year'];
const QUOTES = ['“We have listened to every objection, and we believe this is the right decision,” a spokesperson said.', '“Nobody asked the people who will pay for it,” said one resident at the meeting.', '“The numbers simply do not add up,” an economist at the regional university said.', '“This is a first step, not the last one,” the chair told reporters.'];
const TOPICS = ['Housing', 'Transport', 'Elections', 'Climate', 'Health', 'Schools', 'Trade', 'Energy', 'Courts', 'Policing', 'Budget', 'Labour', 'Fisheries', 'Tourism', 'Water', 'Diplomacy', 'Defence', 'Technology', 'Agriculture', 'Culture'];
const PLACES = ['Harbourside', 'Northgate', 'Riverton', 'Eastfield', 'Old Town', 'Westmarch', 'Lakeview', 'Millbrook', 'Southport', 'Kingsbridge', 'Ashford', 'Highmoor'];
const GIVEN = ['Ana', 'Ben', 'Chloe', 'Dev', 'Elena', 'Farid', 'Grace', 'Hiro', 'Ines', 'Jonas', 'Kemi', 'Liam', 'Mina', 'Noah', 'Olga', 'Priya', 'Quentin', 'Rosa', 'Tomas', 'Yuki'];
const FAMILY = ['Alvarez', 'Brandt', 'Costa', 'Dubois', 'Eriksen', 'Fischer', 'Garcia', 'Haddad', 'Ivanova', 'Jensen', 'Kim', 'Lindqvist', 'Moreau', 'Nakamura', 'Okoro', 'Petrov', 'Rossi', 'Silva'];

type Section = { id: string; slug: string };
type Log = (message: string) => void;

function progress(done: number, total: number, startedAt: number) {
  const width = 30;
  const filled = Math.round((done / total) * width);
  const rate = Math.round(done / Math.max((Date.now() - startedAt) / 1000, 0.001));
  const line = `[archive] ${'█'.repeat(filled)}${'░'.repeat(width - filled)} ${done.toLocaleString('en')} / ${total.toLocaleString('en')} stories (${rate.toLocaleString('en')}/s)`;
  if (process.stderr.isTTY) process.stderr.write(`\r${line}${done === total ? '\n' : ''}`);
  else if (done === total || Math.floor((done / total) * 10) !== Math.floor(((done - BATCH) / total) * 10)) console.log(line);
}

/** Adds `count` generated stories to the database at `url`; the demo newsroom must be seeded. */
export async function seedArchive(url: string, count: number, log: Log = console.log): Promise<void> {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  try {
    const sections = (await pool.query<Section>('SELECT id, slug FROM "Section" ORDER BY position')).rows;
    const [editor] = (await pool.query<{ id: string }>(`SELECT id FROM "User" WHERE role IN ('ADMIN', 'EDITOR') ORDER BY "createdAt" LIMIT 1`)).rows;
    if (sections.length === 0 || !editor) throw new Error('Seed the demo newsroom first: the archive uses its sections and editors.');
    const runId = randomBytes(3).toString('hex');
    const random = rng(count);
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;

    // The staff over ten years: each author writes for a span of years.
    const hash = await hashPassword(randomBytes(24).toString('base64url'));
    const authors: string[] = [];
    for (let i = 0; i < AUTHORS; i++) {
      const name = `${GIVEN[i % GIVEN.length]} ${FAMILY[(i * 7) % FAMILY.length]}`;
      const id = `arch${runId}u${i}`;
      await pool.query(
        `INSERT INTO "User" (id, email, name, role, active, bio, slug, "passwordHash", "createdAt", "updatedAt")
         VALUES ($1, $2, $3, 'REPORTER', $4, $5, $6, $7, now(), now())`,
        [id, `archive-${runId}-${i}@example.com`, name, i % 5 !== 0, `${pick(TOPICS)} correspondent.`, `${name.toLowerCase().replace(/ /g, '-')}-${runId}-${i}`, hash],
      );
      authors.push(id);
    }
    // Tags with a long tail: tag k is chosen with weight 1/(k+1).
    const tagIds: string[] = [];
    for (let start = 0; start < TAGS; start += 1000) {
      const ids: string[] = [];
      const names: string[] = [];
      const slugs: string[] = [];
      for (let k = start; k < Math.min(start + 1000, TAGS); k++) {
        const name = k < TOPICS.length ? `${TOPICS[k]} ${runId}` : `${pick(PLACES)} ${pick(TOPICS).toLowerCase()} ${k}`;
        ids.push(`arch${runId}t${k}`);
        names.push(name);
        slugs.push(`${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${runId}`);
      }
      await pool.query('INSERT INTO "Tag" (id, name, slug) SELECT * FROM unnest($1::text[], $2::text[], $3::text[])', [ids, names, slugs]);
      tagIds.push(...ids);
    }
    const harmonic = Array.from({ length: TAGS }, (_, k) => 1 / (k + 1));
    const cumulative: number[] = [];
    harmonic.reduce((sum, w, i) => (cumulative[i] = sum + w), 0);
    const total = cumulative.at(-1)!;
    const pickTag = () => {
      const target = random() * total;
      let lo = 0;
      let hi = TAGS - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cumulative[mid]! < target) lo = mid + 1;
        else hi = mid;
      }
      return tagIds[lo]!;
    };

    const now = Date.now();
    const span = YEARS * 365.25 * 24 * 3600 * 1000;
    const startedAt = Date.now();
    for (let done = 0; done < count; done += BATCH) {
      const size = Math.min(BATCH, count - done);
      const story = { id: [] as string[], headline: [] as string[], dek: [] as string[], slug: [] as string[], body: [] as string[], plain: [] as string[], words: [] as number[], status: [] as string[], section: [] as string[], at: [] as string[], updated: [] as (string | null)[] };
      const bylines = { story: [] as string[], user: [] as string[], position: [] as number[] };
      const tagged = { story: [] as string[], tag: [] as string[] };
      const paths = { path: [] as string[], story: [] as string[] };
      for (let i = 0; i < size; i++) {
        const n = done + i;
        const id = `arch${runId}s${n}`;
        const section = pick(sections);
        const place = pick(PLACES);
        // A story keeps to its own few subjects and matters, as real copy does, so that a word is
        // common in some stories and absent from most (what makes search realistic).
        const cast = [pick(SUBJECTS), pick(SUBJECTS)];
        const matters = [pick(OBJECTS), pick(OBJECTS)];
        const headline = `${place}: ${cast[0]!.replace(/^The /, '')} ${pick(VERBS)} ${matters[0]}`;
        const slug = `archive-${runId}-${n}-${headline.toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 60).replace(/-+$/, '')}`;
        // 300 to 3,000 words, most stories nearer the short end (log-uniform).
        const target = Math.round(300 * Math.pow(10, random()));
        const paragraphs: string[] = [];
        let words = 0;
        while (words < target) {
          const sentences = [`${pick(cast)} ${pick(VERBS)} ${pick(matters)} ${pick(CLAUSES)}.`, `${pick(cast)} in ${place} ${pick(VERBS)} ${pick(matters)}.`];
          if (random() < 0.3) sentences.push(pick(QUOTES));
          const paragraph = sentences.join(' ');
          paragraphs.push(paragraph);
          words += paragraph.split(' ').length;
        }
        // Published at a time in the last ten years; a few are updated later, some retired.
        const at = now - Math.floor(random() * span);
        const roll = random();
        const status = roll < 0.01 ? 'UNPUBLISHED' : 'PUBLISHED';
        story.id.push(id);
        story.headline.push(headline);
        story.dek.push(`${cast[1]} ${pick(VERBS)} ${matters[1]} ${pick(CLAUSES)}.`);
        story.slug.push(slug);
        story.body.push(JSON.stringify({ type: 'doc', content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) }));
        story.plain.push(paragraphs.join('\n'));
        story.words.push(words);
        story.status.push(status);
        story.section.push(section.id);
        story.at.push(new Date(at).toISOString());
        story.updated.push(random() < 0.05 ? new Date(Math.min(now, at + Math.floor(random() * 30 * 86_400_000))).toISOString() : null);
        const authorCount = 1 + Math.floor(random() * random() * 3);
        const era = Math.floor(((now - at) / span) * (AUTHORS - 10));
        const chosen = new Set<string>();
        while (chosen.size < authorCount) chosen.add(authors[Math.min(AUTHORS - 1, era + Math.floor(random() * 10))]!);
        [...chosen].forEach((user, position) => {
          bylines.story.push(id);
          bylines.user.push(user);
          bylines.position.push(position);
        });
        const tagSet = new Set<string>();
        const tagCount = 2 + Math.floor(random() * 5);
        while (tagSet.size < tagCount) tagSet.add(pickTag());
        for (const tag of tagSet) {
          tagged.story.push(id);
          tagged.tag.push(tag);
        }
        // Every story had an address; 2% later moved to a new slug (the old one redirects), and
        // unpublished stories keep theirs (it answers 410).
        paths.path.push(`${section.slug}/${slug}`);
        paths.story.push(id);
        if (status === 'PUBLISHED' && roll > 0.98) {
          paths.path.push(`${section.slug}/${slug}-draft-title`);
          paths.story.push(id);
        }
      }
      await pool.query(
        `INSERT INTO "Story" (id, headline, dek, slug, body, "plainText", "wordCount", status, "sectionId", "createdById",
           "createdAt", "updatedAt", "publishedAt", "firstPublishedAt", "statusChangedAt", "publicUpdatedAt", "searchVector")
         SELECT v.id, v.headline, v.dek, v.slug, v.body::jsonb, v.plain, v.words, v.status::"StoryStatus", v.section, $11,
           v.at::timestamptz, coalesce(v.updated, v.at)::timestamptz, v.at::timestamptz, v.at::timestamptz, v.at::timestamptz, v.updated::timestamptz,
           setweight(to_tsvector('english', v.headline), 'A') || setweight(to_tsvector('english', v.dek), 'B') || setweight(to_tsvector('english', v.plain), 'C')
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::text[], $9::text[], $10::text[], $12::text[])
           AS v(id, headline, dek, slug, body, plain, words, status, section, at, updated)`,
        [story.id, story.headline, story.dek, story.slug, story.body, story.plain, story.words, story.status, story.section, story.at, editor.id, story.updated],
      );
      await pool.query('INSERT INTO "StoryAuthor" ("storyId", "userId", position) SELECT * FROM unnest($1::text[], $2::text[], $3::int[])', [bylines.story, bylines.user, bylines.position]);
      await pool.query('INSERT INTO "StoryTag" ("storyId", "tagId") SELECT * FROM unnest($1::text[], $2::text[])', [tagged.story, tagged.tag]);
      await pool.query('INSERT INTO "StoryPath" (path, "storyId") SELECT * FROM unnest($1::text[], $2::text[])', [paths.path, paths.story]);
      progress(done + size, count, startedAt);
    }
    // What autovacuum would soon do on a live database: statistics, and the visibility map that lets
    // counts be read from an index alone.
    await pool.query('VACUUM (ANALYZE) "Story", "StoryAuthor", "StoryTag", "StoryPath", "Tag", "User"');
    log(`Added ${count.toLocaleString('en')} archive stories in ${((Date.now() - startedAt) / 1000).toFixed(0)} s (run ${runId}).`);
  } finally {
    await pool.end();
  }
}
