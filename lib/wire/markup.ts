import type { Block, Doc, Inline, ListItem, Mark } from '@/lib/editor/schema';
import { isSafeHref } from '@/lib/editor/safe-url';

// Agency bodies (NITF, XHTML inside NewsML-G2, ninjs body_html) reduced to what a story holds:
// paragraphs, headings, lists, links, quotations, bold and italic. Both parsers (XML and HTML)
// hand over the same small element tree; everything else is dropped and its text kept where it
// reads as text (a <span>, a <div>), gone where it is not (scripts, styles, media, tables' markup).

export type MarkupNode = { tag: string; attrs: Record<string, string>; children: MarkupNode[] } | { text: string };

/** Picture references found in the body (NITF <media>, <img>): imported only when used. */
export type BodyPicture = { href: string; caption: string };

const DROP = new Set(['script', 'style', 'head', 'title', 'meta', 'link', 'template', 'iframe', 'object', 'embed', 'svg', 'math', 'canvas', 'video', 'audio', 'form', 'button', 'select', 'textarea', 'noscript', 'body.head', 'body.end', 'hedline', 'byline', 'dateline', 'abstract', 'tagline', 'docdata', 'pubdata', 'media', 'figure', 'img']);
const HEADINGS: Record<string, 2 | 3> = { h1: 2, h2: 2, h3: 3, h4: 3, h5: 3, h6: 3, hl1: 2, hl2: 3 };
const PARAGRAPHS = new Set(['p', 'pre', 'caption', 'dd', 'dt', 'tr', 'note']);
const CONTAINERS = new Set(['div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'body', 'body.content', 'block', 'html', 'nitf', 'table', 'tbody', 'thead', 'tfoot', 'dl', 'inlinexml']);
const BOLD = new Set(['b', 'strong']);
const ITALIC = new Set(['i', 'em', 'cite']);

/** A tag without its namespace prefix, as written (XML names are case-sensitive). */
const localName = (tag: string) => tag.replace(/^.*:/, '');
/** The same, lower-cased: how the body's markup is matched (HTML's names are not). */
const nameOf = (tag: string) => localName(tag).toLowerCase();
const isElement = (node: MarkupNode): node is Extract<MarkupNode, { tag: string }> => 'tag' in node;

/** Collapses markup whitespace the way a browser does for normal text. */
const squeeze = (text: string) => text.replace(/[\s\u00a0]+/g, ' ');

function inlineOf(nodes: MarkupNode[], marks: Mark[], out: Inline[]): void {
  for (const node of nodes) {
    if (!isElement(node)) {
      const text = squeeze(node.text);
      if (text) out.push(marks.length ? { type: 'text', text, marks: [...marks] } : { type: 'text', text });
      continue;
    }
    const tag = nameOf(node.tag);
    if (DROP.has(tag)) continue;
    if (tag === 'br') {
      out.push({ type: 'hardBreak' });
      continue;
    }
    // A table row is one paragraph: its cells' text, a space apart.
    if (tag === 'td' || tag === 'th') out.push({ type: 'text', text: ' ' });
    let next = marks;
    if (BOLD.has(tag) && !marks.some((m) => m.type === 'bold')) next = [...marks, { type: 'bold' }];
    else if (ITALIC.has(tag) && !marks.some((m) => m.type === 'italic')) next = [...marks, { type: 'italic' }];
    else if (tag === 'a') {
      const href = (node.attrs.href ?? '').trim();
      // Only absolute web and mail addresses survive: a relative link means nothing on our site.
      if (/^(https?:|mailto:)/i.test(href) && isSafeHref(href) && href.length <= 2000 && !/[\u0000-\u001f]/.test(href)) {
        next = [...marks.filter((m) => m.type !== 'link'), { type: 'link', attrs: { href, target: null, rel: 'noopener noreferrer nofollow', class: null, title: null } }];
      }
    }
    inlineOf(node.children, next, out);
  }
}

/** Trims a run of inline content: no leading or trailing spaces or breaks, adjacent texts joined. */
function tidy(inline: Inline[]): Inline[] {
  const joined: Inline[] = [];
  for (const item of inline) {
    const last = joined.at(-1);
    if (item.type === 'text' && last?.type === 'text' && JSON.stringify(last.marks ?? []) === JSON.stringify(item.marks ?? [])) {
      joined[joined.length - 1] = { ...last, text: last.text + item.text };
    } else joined.push(item);
  }
  while (joined[0]?.type === 'hardBreak') joined.shift();
  while (joined.at(-1)?.type === 'hardBreak') joined.pop();
  const first = joined[0];
  if (first?.type === 'text') joined[0] = { ...first, text: first.text.replace(/^ +/, '') };
  const lastIndex = joined.length - 1;
  const last = joined[lastIndex];
  if (last?.type === 'text') joined[lastIndex] = { ...last, text: last.text.replace(/ +$/, '') };
  return joined.filter((item) => item.type !== 'text' || item.text !== '');
}

function paragraphOf(nodes: MarkupNode[]): Block | null {
  const content: Inline[] = [];
  inlineOf(nodes, [], content);
  const tidied = tidy(content);
  return tidied.some((i) => i.type === 'text') ? { type: 'paragraph', content: tidied } : null;
}

function listItems(node: Extract<MarkupNode, { tag: string }>): ListItem[] {
  const items: ListItem[] = [];
  for (const child of node.children) {
    if (!isElement(child) || nameOf(child.tag) !== 'li') continue;
    const content = blocksOf(child.children);
    if (!content.length) continue;
    // A list item opens with a paragraph (the editor's schema): a heading there becomes one, and
    // an item that is only a nested list gets an empty one.
    const [first, ...rest] = content;
    if (first!.type === 'heading') items.push({ type: 'listItem', content: [{ type: 'paragraph', content: first!.content }, ...rest] });
    else if (first!.type !== 'paragraph') items.push({ type: 'listItem', content: [{ type: 'paragraph' }, ...content] });
    else items.push({ type: 'listItem', content });
  }
  return items;
}

/** The block content of a list of nodes: loose inline runs become paragraphs. */
function blocksOf(nodes: MarkupNode[]): Block[] {
  const blocks: Block[] = [];
  let run: MarkupNode[] = [];
  const flush = () => {
    const paragraph = run.length ? paragraphOf(run) : null;
    if (paragraph) blocks.push(paragraph);
    run = [];
  };
  for (const node of nodes) {
    if (!isElement(node)) {
      run.push(node);
      continue;
    }
    const tag = nameOf(node.tag);
    if (DROP.has(tag)) continue;
    if (tag in HEADINGS) {
      flush();
      const content: Inline[] = [];
      inlineOf(node.children, [], content);
      const tidied = tidy(content).filter((i) => i.type === 'text');
      if (tidied.length) blocks.push({ type: 'heading', attrs: { level: HEADINGS[tag]! }, content: tidied });
    } else if (PARAGRAPHS.has(tag)) {
      flush();
      const paragraph = paragraphOf(node.children);
      if (paragraph) blocks.push(paragraph);
    } else if (tag === 'ul' || tag === 'ol') {
      flush();
      const items = listItems(node);
      if (items.length) blocks.push(tag === 'ul' ? { type: 'bulletList', content: items } : { type: 'orderedList', content: items });
    } else if (tag === 'blockquote' || tag === 'bq') {
      flush();
      const content = blocksOf(node.children);
      if (content.length) blocks.push({ type: 'blockquote', content });
    } else if (tag === 'hr') {
      flush();
    } else if (CONTAINERS.has(tag) || tag === 'li') {
      flush();
      blocks.push(...blocksOf(node.children));
    } else run.push(node);
  }
  flush();
  return blocks;
}

/** The story body a wire body becomes (an empty one is one empty paragraph, as in the editor). */
export function docFromMarkup(nodes: MarkupNode[]): Doc {
  const content = blocksOf(nodes);
  return { type: 'doc', content: content.length ? content : [{ type: 'paragraph' }] };
}

/** The text of a node and everything under it, whitespace collapsed. */
export function textOf(nodes: MarkupNode[]): string {
  const parts: string[] = [];
  const walk = (list: MarkupNode[]) => {
    for (const node of list) {
      if (!isElement(node)) parts.push(node.text);
      else if (!['script', 'style'].includes(nameOf(node.tag))) walk(node.children);
    }
  };
  walk(nodes);
  return squeeze(parts.join('')).trim();
}

/** Every element with this local name (in any case), in document order. */
export function findAll(nodes: MarkupNode[], name: string): Extract<MarkupNode, { tag: string }>[] {
  const found: Extract<MarkupNode, { tag: string }>[] = [];
  const wanted = name.toLowerCase();
  const walk = (list: MarkupNode[]) => {
    for (const node of list) {
      if (!isElement(node)) continue;
      if (nameOf(node.tag) === wanted) found.push(node);
      walk(node.children);
    }
  };
  walk(nodes);
  return found;
}

/** Pictures the body refers to: NITF <media-reference> and <img> sources that are web addresses. */
export function picturesOf(nodes: MarkupNode[]): BodyPicture[] {
  const pictures: BodyPicture[] = [];
  for (const media of findAll(nodes, 'media')) {
    if (media.attrs['media-type'] && media.attrs['media-type'] !== 'image') continue;
    const reference = findAll(media.children, 'media-reference')[0];
    const href = reference?.attrs.source ?? '';
    if (/^https?:\/\//i.test(href)) pictures.push({ href, caption: textOf(findAll(media.children, 'media-caption')[0]?.children ?? []) });
  }
  for (const img of findAll(nodes, 'img')) {
    const href = img.attrs.src ?? '';
    if (/^https?:\/\//i.test(href)) pictures.push({ href, caption: img.attrs.alt ?? '' });
  }
  return pictures;
}

export function elementChildren(node: MarkupNode): Extract<MarkupNode, { tag: string }>[] {
  return isElement(node) ? node.children.filter(isElement) : [];
}

export { isElement, localName };
