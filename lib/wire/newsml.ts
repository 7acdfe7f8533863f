import { docFromPlainText } from '@/lib/editor/plain-text';
import type { Doc } from '@/lib/editor/schema';
import type { MarkupNode } from './markup';
import { docFromMarkup, elementChildren, findAll, localName, picturesOf, textOf } from './markup';
import type { ParsedWireItem, WirePicture } from './item';
import { finishItem, instant, pubStatusOf, subjectCode, urgencyOf, versionNumber } from './item';
import { WireFormatError, parseXml } from './trees';

// NewsML-G2: a single <newsItem>, or a <newsMessage> whose <itemSet> carries several. Text items
// become wire items; picture items in the same message are their pictures (by reference, with
// the largest rendition). The body is the NITF or XHTML in <inlineXML>, or <inlineData> text.

type Element = Extract<MarkupNode, { tag: string }>;

const child = (node: Element | undefined, name: string) => node && elementChildren(node).find((c) => localName(c.tag) === name);
const children = (node: Element | undefined, name: string) => (node ? elementChildren(node).filter((c) => localName(c.tag) === name) : []);
const text = (node: Element | undefined) => (node ? textOf(node.children) : '');
const qcode = (node: Element | undefined) => node?.attrs.qcode ?? node?.attrs.literal ?? '';

function preferred(nodes: Element[]): Element | undefined {
  return nodes.find((n) => !n.attrs.role || /main/.test(n.attrs.role)) ?? nodes[0];
}

/** A concept's name, in the item's language when it has several. */
function nameOf(node: Element, language: string): string {
  const names = children(node, 'name');
  const base = language.split('-')[0]!.toLowerCase();
  return text(names.find((n) => (n.attrs['xml:lang'] ?? '').toLowerCase().startsWith(base)) ?? names[0]);
}

function bodyOf(contentSet: Element | undefined): { body: Doc; pictures: WirePicture[]; nitf: Element[] } {
  const inline = child(contentSet, 'inlineXML');
  if (inline) {
    const nitf = findAll(inline.children, 'nitf');
    const content = findAll(inline.children, 'body.content')[0] ?? findAll(inline.children, 'body')[0] ?? inline;
    return { body: docFromMarkup(content.children), pictures: picturesOf(inline.children).map((p) => ({ ...p, width: null, height: null })), nitf };
  }
  const data = child(contentSet, 'inlineData');
  return { body: docFromPlainText(text(data) ? data!.children.map((c) => ('text' in c ? c.text : '')).join('') : ''), pictures: [], nitf: [] };
}

/** The largest remote rendition of a picture item. */
function pictureOf(item: Element, language: string): WirePicture | null {
  const contentMeta = child(item, 'contentMeta');
  const renditions = children(child(item, 'contentSet'), 'remoteContent').filter((r) => /^https?:\/\//i.test(r.attrs.href ?? ''));
  const best = renditions.sort((a, b) => Number(b.attrs.width ?? 0) - Number(a.attrs.width ?? 0))[0];
  if (!best) return null;
  const caption = text(children(contentMeta, 'description').find((d) => /caption/.test(d.attrs.role ?? '')) ?? child(contentMeta, 'description')) || text(preferred(children(contentMeta, 'headline')));
  const size = (value: string | undefined) => (value && /^\d{1,5}$/.test(value) ? Number(value) : null);
  void language;
  return { href: best.attrs.href!, caption, width: size(best.attrs.width), height: size(best.attrs.height) };
}

function itemFrom(item: Element, provider: string, extraPictures: WirePicture[]): ParsedWireItem {
  const itemMeta = child(item, 'itemMeta');
  const contentMeta = child(item, 'contentMeta');
  const language = item.attrs['xml:lang'] ?? child(contentMeta, 'language')?.attrs.tag ?? '';
  const { body, pictures, nitf } = bodyOf(child(item, 'contentSet'));
  const nitfText = (name: string) => textOf(nitf.flatMap((n) => findAll(n.children, name)).slice(0, 1).flatMap((n) => n.children));
  const located = child(contentMeta, 'located');
  const creators = children(contentMeta, 'creator').map((c) => text(child(c, 'name')) || c.attrs.literal || '').filter(Boolean);
  const providerNode = child(itemMeta, 'provider');
  const summary = text(children(contentMeta, 'description').find((d) => /summary|abstract/.test(d.attrs.role ?? '')) ?? children(contentMeta, 'description')[0]);
  return finishItem({
    guid: item.attrs.guid ?? '',
    version: versionNumber(item.attrs.version),
    versionCreated: instant(text(child(itemMeta, 'versionCreated'))),
    firstCreated: instant(text(child(itemMeta, 'firstCreated'))),
    pubStatus: pubStatusOf(qcode(child(itemMeta, 'pubStatus'))),
    urgency: urgencyOf(text(child(contentMeta, 'urgency'))),
    headline: text(preferred(children(contentMeta, 'headline'))) || nitfText('hl1'),
    slugline: text(child(contentMeta, 'slugline')),
    byline: text(child(contentMeta, 'by')) || creators.join(', ') || nitfText('byline'),
    dateline: text(child(contentMeta, 'dateline')) || nitfText('dateline') || (located ? text(child(located, 'name')) : ''),
    language,
    subjects: children(contentMeta, 'subject').map((s) => ({ code: subjectCode(s.attrs.qcode ?? s.attrs.uri ?? s.attrs.literal ?? ''), name: nameOf(s, language) })),
    embargoUntil: instant(text(child(itemMeta, 'embargoed'))),
    summary: summary || nitfText('abstract'),
    body,
    pictures: [...pictures, ...extraPictures],
    provider: text(child(providerNode, 'name')) || qcode(providerNode).replace(/^nprov:/, '') || provider,
    format: 'newsml-g2',
  });
}

const isText = (item: Element) => {
  const itemClass = qcode(child(child(item, 'itemMeta'), 'itemClass'));
  return !itemClass || /:(text|composite)$/.test(itemClass);
};

/** A NewsML-G2 document as wire items; a WireFormatError names the first problem. */
export function itemsFromNewsml(xml: string, provider: string): ParsedWireItem[] {
  const root = parseXml(xml).find((n): n is Element => 'tag' in n);
  const name = root ? localName(root.tag) : '';
  let items: Element[];
  if (name === 'newsItem') items = [root!];
  else if (name === 'newsMessage') items = children(child(root, 'itemSet'), 'newsItem');
  else throw new WireFormatError(name ? `The XML's root is <${name}>; a NewsML-G2 <newsItem> or <newsMessage> was expected.` : 'The XML has no root element.');
  if (!items.length) throw new WireFormatError('The newsMessage carries no newsItem.');
  const texts = items.filter(isText);
  if (!texts.length) throw new WireFormatError('No text item in this NewsML-G2 document (pictures travel with the text they belong to).');
  const pictures = items.filter((i) => !isText(i)).map((i) => pictureOf(i, '')).filter((p): p is WirePicture => p !== null);
  // Pictures in a message go with its text when there is one text: with several, which is whose
  // is not said, so each text keeps only the pictures its own body refers to.
  return texts.map((item) => itemFrom(item, provider, texts.length === 1 ? pictures : []));
}
