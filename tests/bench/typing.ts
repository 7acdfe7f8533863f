import { performance } from 'node:perf_hooks';
import { chromium, type Page } from '@playwright/test';
import { Session, percentile } from './http';

// Typing in long stories, in Debian's Chromium against the production build: the time from a key
// press until the next frame is painted, as the person typing feels it, for an empty story and for
// stories of 10,000 and 30,000 words, side by side in one run; and the autosave round trip at each
// size (the same PUT the editor sends, with the whole document).

const SIZES = [0, 10_000, 30_000];

// In the page: each key press's time until the frame after it has been painted. The callback of
// the next animation frame runs just before that frame's style, layout and paint; a task queued
// from it runs once they are done. (Only until the handler returns would miss the rendering the
// key press caused: React's work and the browser's.)
export const TIMER = `(() => {
  window.__latencies = [];
  window.__keys = 0;
  if (window.__timing) return; // one listener, however many rounds are timed on the page
  window.__timing = true;
  window.addEventListener('keydown', () => {
    window.__keys += 1;
    const start = performance.now();
    requestAnimationFrame(() => setTimeout(() => window.__latencies.push(performance.now() - start), 0));
  }, true);
})()`;
const KEYS = 150;
const SAVES = 25;

export function storyOf(words: number) {
  const sentence = 'The delegations met again on Thursday to discuss trade, security and the next summit, officials said';
  const content: unknown[] = [];
  let count = 0;
  while (count < words) {
    const text = `${sentence} (paragraph ${content.length + 1}). ${sentence}.`;
    count += text.split(/\s+/).length;
    content.push({ type: 'paragraph', content: [{ type: 'text', text }] });
  }
  if (content.length === 0) content.push({ type: 'paragraph', content: [{ type: 'text', text: 'Start.' }] });
  return { type: 'doc', content };
}

export type TypingRow = { words: number; typingP50: number; typingP95: number; saveP50: number; saveP95: number };

/** Types KEYS letters (a space every twelfth) at the end of the body and returns each key's latency, sorted. */
export async function typeAndTime(page: Page): Promise<number[]> {
  const editor = page.getByRole('textbox', { name: 'Story body' });
  // Bound to the shared document when writing together: editable once it has synced.
  await editor.and(page.locator('[contenteditable="true"]')).waitFor();
  await editor.locator('p').last().click();
  await page.keyboard.press('End');
  // In the page: each keydown's time to the frame after the editor has handled it.
  // As a string: a function compiled by tsx may carry helpers the page does not have.
  await page.evaluate(TIMER);
  await page.keyboard.type('x '.repeat(10), { delay: 20 }); // warm-up
  await page.evaluate(() => ((window as unknown as { __latencies: number[] }).__latencies = []));
  for (let i = 0; i < KEYS; i++) await page.keyboard.type(i % 12 === 11 ? ' ' : 'a', { delay: 0 }).then(() => page.waitForTimeout(25));
  const latencies = (await page.evaluate(() => (window as unknown as { __latencies: number[] }).__latencies)).sort((a, b) => a - b);
  if (latencies.length < KEYS / 2) throw new Error(`only ${latencies.length} key presses were timed (${page.url()}, ${JSON.stringify(await page.evaluate(() => [(window as unknown as { __keys: number }).__keys, document.visibilityState, document.hasFocus()]))})`);
  return latencies;
}

export async function benchTyping(baseUrl: string): Promise<TypingRow[]> {
  const session = new Session(baseUrl);
  await session.signIn('reporter@example.com', 'masthead-demo');
  const me = await (await session.fetch('/api/auth/session')).json();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'] });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const host = new URL(baseUrl).hostname;
  await context.addCookies([...session.cookies].map(([name, value]) => ({ name, value, domain: host, path: '/' })));
  const rows: TypingRow[] = [];
  try {
    for (const words of SIZES) {
      const body = storyOf(words);
      const fields = { headline: `Typing benchmark, ${words} words`, dek: '', slug: '', sectionId: null, tags: [], bylineIds: [me.user.id], creditLine: '', dateline: '', seoTitle: '', seoDescription: '', featuredImageId: null, body };
      const created = await (await session.fetch('/api/desk/stories', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(fields) })).json();
      if (!created.id) throw new Error(`creating the ${words}-word story failed: ${JSON.stringify(created)}`);

      const page = await context.newPage();
      await page.goto(`${baseUrl}/newsroom/stories/${created.id}`);
      const latencies = await typeAndTime(page);
      await page.close();

      // Autosave at this size: the editor's PUT with the whole document.
      let version: number = created.version;
      const saves: number[] = [];
      for (let i = 0; i < SAVES; i++) {
        const started = performance.now();
        const response = await session.fetch(`/api/desk/stories/${created.id}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...fields, dek: `Edit ${i}`, baseVersion: version, kind: 'autosave' }) });
        if (response.status === 409 && i === 0) {
          // The closed page's last autosave landed after the story was read: start from its version.
          version = ((await response.json()) as { current: { version: number } }).current.version;
          i--;
          continue;
        }
        if (!response.ok) throw new Error(`autosave failed: ${response.status} ${(await response.text()).slice(0, 300)}`);
        version = (await response.json()).version;
        saves.push(performance.now() - started);
      }
      saves.sort((a, b) => a - b);
      rows.push({ words, typingP50: percentile(latencies, 50), typingP95: percentile(latencies, 95), saveP50: percentile(saves, 50), saveP95: percentile(saves, 95) });
    }
  } finally {
    await browser.close();
  }
  return rows;
}
