import { performance } from 'node:perf_hooks';
import { Session, percentile } from './http';

// Autosave round trip for a 3,000-word story, against a baseline measured in the same run on the
// same server: GET /api/health, which does no work. The ratio is the figure to watch; absolute
// milliseconds depend on the machine.

const WORDS = 3000;
const ROUNDS = 150;
const WARMUP = 15;

function threeThousandWords(): { type: 'doc'; content: unknown[] } {
  const sentence = 'The delegations met again on Thursday to discuss trade, security and the next summit';
  const paragraphs: unknown[] = [];
  let words = 0;
  while (words < WORDS) {
    const text = `${sentence} (paragraph ${paragraphs.length + 1}), officials said.`;
    words += text.split(/\s+/).length;
    paragraphs.push({ type: 'paragraph', content: [{ type: 'text', text }] });
  }
  return { type: 'doc', content: paragraphs };
}

export async function benchAutosave(baseUrl: string) {
  const session = new Session(baseUrl);
  await session.signIn('reporter@example.com', 'masthead-demo');
  const me = await (await session.fetch('/api/auth/session')).json();
  const body = threeThousandWords();
  const fields = { headline: 'Benchmark story', dek: '', slug: '', sectionId: null, tags: ['Bench'], bylineIds: [me.user.id], creditLine: '', dateline: '', seoTitle: '', seoDescription: '', featuredImageId: null, body };
  const created = await (await session.fetch('/api/desk/stories', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(fields) })).json();
  let version: number = created.version;
  const payloadBytes = JSON.stringify({ ...fields, baseVersion: version, kind: 'autosave' }).length;

  const save = async (i: number) => {
    const response = await session.fetch(`/api/desk/stories/${created.id}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...fields, dek: `Edit ${i}`, baseVersion: version, kind: 'autosave' }),
    });
    if (!response.ok) throw new Error(`autosave failed: ${response.status} ${await response.text()}`);
    version = (await response.json()).version;
  };
  const trivial = async () => {
    const response = await session.fetch('/api/health');
    if (!response.ok) throw new Error(`health failed: ${response.status}`);
    await response.arrayBuffer();
  };

  for (let i = 0; i < WARMUP; i++) {
    await save(-i);
    await trivial();
  }
  const saves: number[] = [];
  const baseline: number[] = [];
  // Interleaved, so that both see the same machine noise.
  for (let i = 0; i < ROUNDS; i++) {
    let t = performance.now();
    await trivial();
    baseline.push(performance.now() - t);
    t = performance.now();
    await save(i);
    saves.push(performance.now() - t);
  }
  saves.sort((a, b) => a - b);
  baseline.sort((a, b) => a - b);
  const row = (name: string, xs: number[]) => ({ name, p50: percentile(xs, 50), p95: percentile(xs, 95) });
  return { rounds: ROUNDS, payloadBytes, rows: [row('baseline: GET /api/health', baseline), row(`autosave, ${WORDS}-word story`, saves)] };
}
