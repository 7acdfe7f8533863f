import { docFromPlainText } from '@/lib/editor/plain-text';
import type { Doc } from '@/lib/editor/schema';
import { docFromMarkup, picturesOf, textOf } from './markup';
import type { ParsedWireItem, WirePicture, WireSubject } from './item';
import { finishItem, instant, line, pubStatusOf, subjectCode, urgencyOf, versionNumber } from './item';
import { ninjsProblem, type NinjsSchemaVersion } from './ninjs-schema';
import { WireFormatError, parseHtml } from './trees';

// ninjs 1.x, 2.x and 3.x, each checked against IPTC's schema of its major version, mapped to one
// wire item. 1.x writes single fields (headline, body_html, byline, subject); 2.x arrays in lower
// case (headlines, bodies, by, subjects); 3.x the same arrays with camelCase names.

type Json = Record<string, unknown>;
type Major = 1 | 2 | 3;

const SCHEMA: Record<Major, NinjsSchemaVersion> = { 1: '1.6', 2: '2.2', 3: '3.1' };
const CAMEL_3 = ['versionCreated', 'firstCreated', 'pubStatus', 'embargoedUntil', 'copyrightHolder', 'copyrightNotice', 'altIds', 'contentCreated', 'representationType', 'usageTerms', 'edNote'];
const ARRAYS_2 = ['headlines', 'bodies', 'by', 'subjects', 'descriptions', 'people', 'places', 'organisations'];

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown) => (typeof value === 'string' ? value : '');
const list = (value: unknown): Json[] => (Array.isArray(value) ? value.filter(isObject) : []);

/** The major version a document is written in: its declared standard, else its property names. */
export function ninjsMajor(document: Json): Major {
  const standard = isObject(document.$standard) ? document.$standard : isObject(document.standard) ? document.standard : null;
  const declared = /^([123])(\.|$)/.exec(str(standard?.version));
  if (declared) return Number(declared[1]) as Major;
  if (CAMEL_3.some((key) => key in document)) return 3;
  if (ARRAYS_2.some((key) => key in document)) return 2;
  return 1;
}

function byRole(entries: Json[], roles: string[]): Json | undefined {
  for (const role of roles) {
    const found = entries.find((e) => str(e.role) === role);
    if (found) return found;
  }
  return entries[0];
}

function bodyFromMarkup(html: string): { body: Doc; pictures: WirePicture[] } {
  const tree = parseHtml(html);
  return { body: docFromMarkup(tree), pictures: picturesOf(tree).map((p) => ({ ...p, width: null, height: null })) };
}

function bodyOf(document: Json, major: Major): { body: Doc; pictures: WirePicture[] } {
  if (major === 1) {
    // 1.x names its bodies body_<role>: body_html and body_xhtml, or any role whose text is markup.
    const bodies = Object.entries(document).filter(([k, v]) => k.startsWith('body_') && typeof v === 'string') as [string, string][];
    const html = str(document.body_html) || str(document.body_xhtml) || bodies.find(([, v]) => /<\/?(p|h[1-6]|ul|ol|blockquote|div|section)\b/i.test(v))?.[1];
    if (html) return bodyFromMarkup(html);
    return { body: docFromPlainText(str(document.body_text) || bodies[0]?.[1] || ''), pictures: [] };
  }
  const bodies = list(document.bodies);
  const typeOf = (b: Json) => str(b[major === 3 ? 'contentType' : 'contenttype']).toLowerCase();
  const marked = bodies.find((b) => /html|xml/.test(typeOf(b))) ?? bodies.find((b) => /<\/?(p|h[1-6]|ul|ol|blockquote)\b/i.test(str(b.value)) && !typeOf(b));
  if (marked) return bodyFromMarkup(str(marked.value));
  const plain = byRole(bodies, ['main', 'text']);
  return { body: docFromPlainText(str(plain?.value)), pictures: [] };
}

function subjectsOf(document: Json, major: Major): WireSubject[] {
  if (major === 1) {
    return list(document.subject).map((s) => {
      const code = str(s.code);
      const scheme = str(s.scheme);
      const full = code && scheme && !code.includes(':') ? `${scheme.replace(/\/?$/, '/')}${code}` : code;
      return { code: subjectCode(full), name: str(s.name) };
    });
  }
  return list(document.subjects).map((s) => ({ code: subjectCode(str(s.uri) || str(s.literal)), name: str(s.name) }));
}

/** The largest rendition of each associated picture. */
function associatedPictures(document: Json, major: Major): WirePicture[] {
  const associations = major === 1 ? (isObject(document.associations) ? Object.values(document.associations).filter(isObject) : []) : list(document.associations);
  const pictures: WirePicture[] = [];
  for (const association of associations) {
    if (!['picture', 'graphic'].includes(str(association.type))) continue;
    const renditions = major === 1 ? (isObject(association.renditions) ? Object.values(association.renditions).filter(isObject) : []) : list(association.renditions);
    const best = [...renditions].filter((r) => /^https?:\/\//i.test(str(r.href))).sort((a, b) => Number(b.width ?? 0) - Number(a.width ?? 0))[0];
    if (!best) continue;
    const descriptions = list(association.descriptions);
    const caption = major === 1 ? str(association.description_text) : str(byRole(descriptions, ['caption', 'summary', 'alt'])?.value);
    pictures.push({ href: str(best.href), caption: caption || str(association.headline) || str(byRole(list(association.headlines), ['main'])?.value), width: typeof best.width === 'number' ? best.width : null, height: typeof best.height === 'number' ? best.height : null });
  }
  return pictures;
}

function summaryOf(document: Json, major: Major): string {
  if (major === 1) return str(document.description_text) || textOf(parseHtml(str(document.description_html)));
  const summary = list(document.descriptions).find((d) => ['summary', 'abstract', 'main', 'teaser'].includes(str(d.role)));
  if (!summary) return '';
  const type = str(summary[major === 3 ? 'contentType' : 'contenttype']);
  return /html/.test(type) ? textOf(parseHtml(str(summary.value))) : str(summary.value);
}

/** One ninjs document (already parsed JSON) as a wire item; a WireFormatError names what is wrong. */
export function itemFromNinjs(document: unknown, provider: string): ParsedWireItem {
  if (!isObject(document)) throw new WireFormatError('A ninjs item must be a JSON object.');
  const major = ninjsMajor(document);
  const problem = ninjsProblem(document, SCHEMA[major]);
  if (problem) throw new WireFormatError(`Not valid ninjs ${major}.x (IPTC schema ${SCHEMA[major]}): ${problem}.`);
  const type = str(document.type) || 'text';
  if (!['text', 'composite'].includes(type)) throw new WireFormatError(`Item ${str(document.uri)} is of type "${type}"; the wire takes text items (pictures travel as their associations).`);
  const camel = major === 3;
  const key = (lower: string, upper: string) => document[camel ? upper : lower];
  const { body, pictures } = bodyOf(document, major);
  return finishItem({
    guid: str(document.uri),
    version: versionNumber(document.version),
    versionCreated: instant(key('versioncreated', 'versionCreated')),
    firstCreated: instant(key('firstcreated', 'firstCreated')),
    pubStatus: pubStatusOf(key('pubstatus', 'pubStatus')),
    urgency: urgencyOf(document.urgency),
    headline: major === 1 ? str(document.headline) || str(document.headline_main) || str(Object.entries(document).find(([k]) => k.startsWith('headline_'))?.[1]) : str(byRole(list(document.headlines), ['main', 'headline'])?.value),
    slugline: str(document.slugline),
    byline: major === 1 ? str(document.byline) : str(document.by),
    dateline: str(document.located),
    language: str(document.language),
    subjects: subjectsOf(document, major),
    embargoUntil: instant(major === 3 ? document.embargoedUntil : document.embargoed),
    summary: summaryOf(document, major),
    body,
    pictures: [...associatedPictures(document, major), ...pictures],
    provider: line(str(key('copyrightholder', 'copyrightHolder')), 200) || provider,
    format: `ninjs-${major}`,
  });
}

/** A ninjs body: one item or an array of items. */
export function itemsFromNinjsText(text: string, provider: string): ParsedWireItem[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new WireFormatError(`The body is not valid JSON: ${error instanceof Error ? error.message : String(error)}.`);
  }
  const documents = Array.isArray(data) ? data : [data];
  if (!documents.length) throw new WireFormatError('The ninjs array is empty.');
  if (documents.length > 500) throw new WireFormatError('At most 500 ninjs items per request.');
  return documents.map((document, index) => {
    try {
      return itemFromNinjs(document, provider);
    } catch (error) {
      if (error instanceof WireFormatError && documents.length > 1) throw new WireFormatError(`Item ${index + 1}: ${error.message}`);
      throw error;
    }
  });
}
