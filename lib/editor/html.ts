import { bodyOutput, VOID_TAGS, type OutNode } from './output';
import type { Doc } from './schema';

// The body as an HTML string, for the public API and feeds (route handlers cannot use React's
// server renderer): the element tree of output.ts written out, every text and attribute escaped.

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#x27;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);

function write(node: OutNode): string {
  if (typeof node === 'string') return escapeHtml(node);
  // `class` last, where React puts it (render.tsx), so that both write the same markup.
  const { class: className, ...rest } = node.attrs ?? {};
  const attrs = Object.entries({ ...rest, class: className })
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => ` ${name}="${escapeHtml(String(value))}"`)
    .join('');
  if (VOID_TAGS.has(node.tag)) return `<${node.tag}${attrs}/>`;
  return `<${node.tag}${attrs}>${(node.children ?? []).map(write).join('')}</${node.tag}>`;
}

/** The body as HTML; `base` makes media URLs absolute (feeds and API consumers live elsewhere). */
export function bodyToHtml(body: Doc, options: { dateline?: string; base?: string } = {}): string {
  const html = bodyOutput(body, options).map(write).join('');
  return options.base ? html.replaceAll('src="/media/', `src="${options.base}/media/`) : html;
}
