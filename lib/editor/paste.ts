// Clipboard HTML from Word, Google Docs and web pages, reduced to what a story holds: paragraphs,
// headings (h2, h3), bold, italic, links, lists and quotations. Runs in the browser before the
// editor parses a paste (the editor's schema then drops whatever is left that it does not know).
// - Word: conditional comments, <o:p>, mso- styles; its lists are paragraphs with an "mso-list"
//   style and a typed bullet or number, turned back into real (nested) lists.
// - Google Docs: the <b id="docs-internal-guid-…"> wrapper; bold and italic as inline styles.
// - Web pages: layout <div>s, tables (flattened to one paragraph per cell), inline styles.
// Images are dropped (a story's images come from the media library) and counted for a notice;
// empty paragraphs and stray line breaks go.

export type CleanPaste = { html: string; droppedImages: number };

const DROP = 'script, style, meta, link, title, xml, template, iframe, object, embed, svg, canvas, video, audio, form, input, button, select, textarea, noscript';
const BLOCKS = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'UL', 'OL', 'LI', 'BLOCKQUOTE', 'DIV', 'TABLE', 'HR', 'SECTION', 'ARTICLE', 'HEADER', 'FOOTER', 'MAIN', 'ASIDE', 'FIGURE', 'PRE']);

function styleOf(el: Element): string {
  return (el.getAttribute('style') ?? '').toLowerCase();
}

function rename(el: Element, tag: string): Element {
  const next = el.ownerDocument.createElement(tag);
  while (el.firstChild) next.appendChild(el.firstChild);
  for (const name of ['href', 'start']) if (el.hasAttribute(name)) next.setAttribute(name, el.getAttribute(name)!);
  el.replaceWith(next);
  return next;
}

function unwrap(el: Element) {
  el.replaceWith(...Array.from(el.childNodes));
}

const isBlank = (el: Element) => !el.textContent?.replace(/[\s\u00a0]/g, '') && !el.querySelector('br + br');

/** Word's list paragraphs ("mso-list: l0 level2 lfo1") become nested <ul>/<ol>. */
function rebuildWordLists(root: Element) {
  const isItem = (el: Element | null): el is HTMLElement => !!el && el.tagName === 'P' && (/mso-list/.test(styleOf(el)) || /MsoListParagraph/.test(el.className));
  for (const first of Array.from(root.querySelectorAll('p'))) {
    if (!first.isConnected || !isItem(first) || isItem(first.previousElementSibling)) continue;
    const items: HTMLElement[] = [];
    for (let el: Element | null = first; isItem(el); el = el.nextElementSibling) items.push(el);
    const doc = root.ownerDocument;
    const top = doc.createElement('div');
    first.before(top);
    const stack: { level: number; list: Element }[] = [];
    for (const item of items) {
      const level = Number(/level(\d+)/.exec(styleOf(item))?.[1] ?? 1);
      // The typed bullet or number sits in a span Word marks "mso-list: Ignore".
      const marker = Array.from(item.querySelectorAll('span')).find((s) => /mso-list:\s*ignore/.test(styleOf(s)));
      const ordered = /^\s*\(?[0-9a-zA-Z]{1,4}[.)]/.test(marker?.textContent ?? '');
      marker?.remove();
      while (stack.length && stack.at(-1)!.level > level) stack.pop();
      if (!stack.length || stack.at(-1)!.level < level) {
        const list = doc.createElement(ordered ? 'ol' : 'ul');
        const parentItem = stack.at(-1)?.list.lastElementChild;
        (parentItem ?? top).appendChild(list);
        stack.push({ level, list });
      }
      const li = doc.createElement('li');
      const p = doc.createElement('p');
      while (item.firstChild) p.appendChild(item.firstChild);
      li.appendChild(p);
      stack.at(-1)!.list.appendChild(li);
      item.remove();
    }
    unwrap(top);
  }
}

export function cleanPastedHtml(html: string): CleanPaste {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  const doc = parsed;
  const root = parsed.body;
  // Comments, Word's conditional ones included, and everything that is not text.
  const walker = parsed.createTreeWalker(root, NodeFilter.SHOW_COMMENT);
  const comments: Node[] = [];
  while (walker.nextNode()) comments.push(walker.currentNode);
  for (const c of comments) c.parentNode?.removeChild(c);
  for (const el of Array.from(root.querySelectorAll(DROP))) el.remove();
  let droppedImages = 0;
  for (const img of Array.from(root.querySelectorAll('img, picture'))) {
    if (img.tagName === 'IMG') droppedImages += 1;
    img.remove();
  }
  // Office's own elements (<o:p>, <w:…>) carry nothing a story keeps but their text.
  for (const el of Array.from(root.getElementsByTagName('*'))) if (el.tagName.includes(':')) unwrap(el);
  // Google Docs wraps the whole paste in <b style="font-weight:normal" id="docs-internal-guid-…">.
  for (const el of Array.from(root.querySelectorAll('b[id^="docs-internal-guid"], b[style*="font-weight:normal"], b[style*="font-weight: normal"]'))) unwrap(el);

  rebuildWordLists(root);

  // Bold and italic given as styles become elements, before styles go.
  for (const el of Array.from(root.querySelectorAll('span, font, p, li, td, div'))) {
    const style = styleOf(el);
    const bold = /font-weight:\s*(bold|[6-9]00)/.test(style);
    const italic = /font-style:\s*italic/.test(style);
    if (!bold && !italic) continue;
    const inner = doc.createElement(bold ? 'strong' : 'em');
    while (el.firstChild) inner.appendChild(el.firstChild);
    if (bold && italic) {
      const em = doc.createElement('em');
      while (inner.firstChild) em.appendChild(inner.firstChild);
      inner.appendChild(em);
    }
    el.appendChild(inner);
  }
  // Headings: the headline is the story's h1, so pasted h1 becomes h2, and h4–h6 become h3.
  for (const el of Array.from(root.querySelectorAll('h1'))) rename(el, 'h2');
  for (const el of Array.from(root.querySelectorAll('h4, h5, h6'))) rename(el, 'h3');
  // Tables: each cell's text becomes a paragraph of its own.
  for (const table of Array.from(root.querySelectorAll('table'))) {
    const paragraphs: Element[] = [];
    for (const cell of Array.from(table.querySelectorAll('td, th'))) {
      const blocks = Array.from(cell.children).filter((c) => BLOCKS.has(c.tagName));
      if (blocks.length) paragraphs.push(...blocks.map((b) => (b.tagName === 'P' ? b : rename(b, 'p'))));
      else {
        const p = doc.createElement('p');
        while (cell.firstChild) p.appendChild(cell.firstChild);
        paragraphs.push(p);
      }
    }
    table.replaceWith(...paragraphs);
  }
  // Layout containers: a <div> (or section, article…) of inline content is a paragraph; one of
  // blocks is just a wrapper.
  for (const el of Array.from(root.querySelectorAll('div, section, article, header, footer, main, aside, figure, figcaption, span')).reverse()) {
    if (!el.isConnected) continue;
    if (el.tagName === 'SPAN' || el.tagName === 'FIGCAPTION') {
      unwrap(el);
      continue;
    }
    const hasBlocks = Array.from(el.children).some((c) => BLOCKS.has(c.tagName));
    if (hasBlocks) unwrap(el);
    else rename(el, 'p');
  }
  // Line breaks: two in a row end a paragraph; a break at either end of a block is stray.
  for (const block of Array.from(root.querySelectorAll('p, li > p, h2, h3, blockquote > p'))) {
    while (block.firstChild?.nodeName === 'BR' || (block.firstChild?.nodeType === 3 && !block.firstChild.textContent?.trim() && block.firstChild.nextSibling?.nodeName === 'BR')) block.removeChild(block.firstChild!);
    while (block.lastChild?.nodeName === 'BR' || (block.lastChild?.nodeType === 3 && !block.lastChild.textContent?.trim() && block.lastChild.previousSibling?.nodeName === 'BR')) block.removeChild(block.lastChild!);
    if (block.tagName === 'P' && block.querySelector('br + br')) {
      const parts: Element[] = [doc.createElement('p')];
      for (const node of Array.from(block.childNodes)) {
        if (node.nodeName === 'BR' && node.nextSibling?.nodeName === 'BR') {
          parts.push(doc.createElement('p'));
          continue;
        }
        if (node.nodeName === 'BR' && node.previousSibling?.nodeName === 'BR') continue;
        parts.at(-1)!.appendChild(node);
      }
      block.replaceWith(...parts);
    }
  }
  // A line break between blocks (Apple's "interchange newline", Word's spacing) is not a paragraph.
  for (const br of Array.from(root.querySelectorAll('br'))) if (br.parentElement === root) br.remove();
  // Every attribute but a link's address and a list's start goes (classes, ids, styles, dir…).
  for (const el of Array.from(root.getElementsByTagName('*'))) {
    for (const name of el.getAttributeNames()) if (!(name === 'href' && el.tagName === 'A') && !(name === 'start' && el.tagName === 'OL')) el.removeAttribute(name);
  }
  // No empty paragraphs or list items.
  for (const el of Array.from(root.querySelectorAll('p, h2, h3, li')).reverse()) if (isBlank(el)) el.remove();
  return { html: root.innerHTML, droppedImages };
}
