import { expect, type BrowserContext, type Page } from '@playwright/test';
import { summitParagraphs } from '../../support/summit';

/** The summit story's paragraphs, exactly as the source has them (the byline line left out). */
export const SUMMIT_PARAGRAPHS = summitParagraphs();

export const body = (page: Page) => page.getByRole('textbox', { name: 'Story body' });
export const saveStatus = (page: Page) => page.getByRole('status').filter({ hasText: /Saved|Saving|Unsaved|Offline|Not saved|No changes|Add a headline/ });

/** Pastes plain text into the editor the way a browser does: a paste event carrying text/plain. */
export async function pasteText(page: Page, text: string, options: { replaceAll?: boolean } = {}) {
  await body(page).click();
  if (options.replaceAll) await page.keyboard.press('ControlOrMeta+A');
  await pasteIntoBody(page, { 'text/plain': text });
}

export async function expectSaved(page: Page) {
  await expect(saveStatus(page)).toHaveText(/^Saved /, { timeout: 15_000 });
}

/** Starts a story with a headline and some text and waits until the server has it. */
export async function startStory(page: Page, headline: string, text: string, options: { alone?: boolean } = {}): Promise<string> {
  await page.goto('/newsroom/stories/new');
  // The body first: saving starts with a headline, and filling it is one step, so the story's first
  // revision ("Created") always holds both.
  await pasteText(page, text);
  await page.getByLabel('Headline').fill(headline);
  await expectSaved(page);
  await expect(page).toHaveURL(/\/newsroom\/stories\/[a-z0-9]+$/);
  // The story's own workflow steps come after its first save.
  await expect(page.getByRole('region', { name: 'Workflow' }).getByRole('button').first()).toBeVisible();
  // Then the page joins the story's shared document (where writing together is on): waited for,
  // so that what a test does next happens on one side of that change, not across it.
  if (!options.alone && !editingAloneIn.has(page.context())) await writingTogether(page);
  return page.url().split('/').pop()!;
}

// Found and pasted into in one step in the page: a new story's body editor is replaced when it
// joins its shared document, and an element found a step earlier may be gone by the paste.
async function pasteIntoBody(page: Page, clipboard: Record<string, string>) {
  await page.evaluate(async (items) => {
    const find = () => document.querySelector('[role="textbox"][aria-label="Story body"]');
    // Between the two editors there may be a frame with neither.
    for (let frame = 0; !find() && frame < 300; frame++) await new Promise(requestAnimationFrame);
    const element = find();
    if (!element) throw new Error('no story body to paste into');
    const data = new DataTransfer();
    for (const [type, value] of Object.entries(items)) data.setData(type, value);
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, clipboard);
}

/** Pastes HTML the way Word, Google Docs or a web page put it on the clipboard. */
export async function pasteHtml(page: Page, html: string, text: string) {
  await body(page).click();
  await pasteIntoBody(page, { 'text/html': html, 'text/plain': text });
}

/** Puts the caret at the very end of a paragraph (End only reaches the end of a visual line). */
export async function caretAtEnd(paragraph: import('@playwright/test').Locator) {
  await paragraph.click();
  await paragraph.evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    range.collapse(false);
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
  });
}

/** A reporter writes a short story in a section and submits it for review; returns its id. */
export async function writeAndSubmit(page: Page, story: { headline: string; text: string; section: string }): Promise<string> {
  await page.goto('/newsroom/stories/new');
  await page.getByLabel('Headline').fill(story.headline);
  await pasteText(page, story.text);
  await page.getByLabel('Section').selectOption({ label: story.section });
  await expectSaved(page);
  await page.reload();
  await page.getByRole('button', { name: 'Submit for review' }).click();
  await expect(page.getByRole('region', { name: 'Workflow' })).toContainText('in review');
  return page.url().split('/').pop()!;
}

/** Refuses the browser's WebSocket for writing together: its editors save the version-checked way. */
export async function withoutWritingTogether(context: BrowserContext) {
  editingAloneIn.add(context);
  await context.routeWebSocket(/\/api\/collab/, (ws) => ws.close());
}
const editingAloneIn = new WeakSet<BrowserContext>();

/** Waits until the story's body is bound to its shared document (a new story joins it after its first save). */
export async function writingTogether(page: Page) {
  await expect(page.locator('.story-body-wrap[data-together]')).toBeAttached({ timeout: 15_000 });
}

/** Waits until an open story's editor has given up on writing together and takes typing alone. */
export async function editingAlone(page: Page) {
  await expect(page.getByText(/Writing together is unavailable/)).toBeVisible({ timeout: 15_000 });
  await expect(body(page)).toHaveAttribute('contenteditable', 'true');
}

/** The body's paragraphs as the editor holds them (the page also shows other people's caret labels). */
export const paragraphs = (page: Page) =>
  body(page).evaluate((el) => {
    const texts: string[] = [];
    (el as unknown as { editor: { state: { doc: { forEach: (f: (node: { textContent: string }) => void) => void } } } }).editor.state.doc.forEach((node) => texts.push(node.textContent));
    return texts;
  });
