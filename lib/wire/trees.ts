import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parseFragment } from 'parse5';
import type { MarkupNode } from './markup';

// The two ways a wire body arrives as markup, handed over as one small tree (MarkupNode):
// XML (NewsML-G2 and the NITF or XHTML inside it) and HTML (ninjs body_html and bodies).

export class WireFormatError extends Error {}

const xmlParser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  // The five predefined entities and character references only: a document type is refused
  // before parsing (below), so no entity of the sender's is ever expanded.
  processEntities: true,
  // Character references (&#233;) and HTML's named ones (&nbsp;), from a fixed table.
  htmlEntities: true,
});

type XmlNode = Record<string, unknown>;

function fromXml(nodes: XmlNode[]): MarkupNode[] {
  const out: MarkupNode[] = [];
  for (const node of nodes) {
    if ('#text' in node) {
      out.push({ text: String(node['#text']) });
      continue;
    }
    const tag = Object.keys(node).find((key) => key !== ':@');
    if (!tag || tag.startsWith('?')) continue;
    const attrs = Object.fromEntries(Object.entries((node[':@'] as Record<string, unknown>) ?? {}).map(([k, v]) => [k, String(v)]));
    out.push({ tag, attrs, children: fromXml((node[tag] as XmlNode[]) ?? []) });
  }
  return out;
}

/**
 * Parses XML without ever expanding an entity the document declares: a DOCTYPE (where external
 * entities and "billion laughs" live) is refused outright; agencies' NewsML-G2 never needs one.
 */
export function parseXml(text: string): MarkupNode[] {
  if (/<!DOCTYPE/i.test(text) || /<!ENTITY/i.test(text)) throw new WireFormatError('XML with a DOCTYPE or entity declarations is refused (no DTDs, no external entities).');
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new WireFormatError(`The XML is not well-formed: ${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col}).`);
  return fromXml(xmlParser.parse(text) as XmlNode[]);
}

type HtmlNode = { nodeName: string; value?: string; tagName?: string; attrs?: { name: string; value: string }[]; childNodes?: HtmlNode[] };

function fromHtml(nodes: HtmlNode[]): MarkupNode[] {
  const out: MarkupNode[] = [];
  for (const node of nodes) {
    if (node.nodeName === '#text') out.push({ text: node.value ?? '' });
    else if (node.tagName) out.push({ tag: node.tagName, attrs: Object.fromEntries((node.attrs ?? []).map((a) => [a.name, a.value])), children: fromHtml(node.childNodes ?? []) });
  }
  return out;
}

/** Parses an HTML fragment as a browser would (never fails; broken markup is repaired). */
export function parseHtml(html: string): MarkupNode[] {
  return fromHtml((parseFragment(html) as unknown as HtmlNode).childNodes ?? []);
}
