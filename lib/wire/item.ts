import type { Doc } from '@/lib/editor/schema';
import { parseBody } from '@/lib/editor/schema';
import { WireFormatError } from './trees';

// One wire item, whichever format it came in: what the pipeline stores and the Wires desk shows.

export const PUB_STATUSES = ['usable', 'withheld', 'canceled'] as const;
export type PubStatus = (typeof PUB_STATUSES)[number];

/** An IPTC media topic keeps its code ("medtop:20000523"); other subjects their own URI or name. */
export type WireSubject = { code: string; name: string };
export type WirePicture = { href: string; caption: string; width: number | null; height: number | null };
export type WireFormatName = 'newsml-g2' | 'ninjs-1' | 'ninjs-2' | 'ninjs-3';

export type ParsedWireItem = {
  guid: string;
  /** The sender's version as a number (NewsML-G2's is one; ninjs's is a string, read as one if it can be). */
  version: number;
  versionCreated: Date | null;
  firstCreated: Date | null;
  pubStatus: PubStatus;
  urgency: number | null;
  headline: string;
  slugline: string;
  byline: string;
  dateline: string;
  language: string;
  subjects: WireSubject[];
  embargoUntil: Date | null;
  summary: string;
  body: Doc;
  pictures: WirePicture[];
  provider: string;
  format: WireFormatName;
};

const LIMITS = { guid: 400, headline: 500, slugline: 200, byline: 300, dateline: 200, language: 20, summary: 2000, provider: 200, subject: 300 } as const;

/** One line of text, clipped: wire metadata is shown in tables and copied into short fields. */
export function line(value: unknown, max: number): string {
  if (typeof value !== 'string') return '';
  return value.replace(/[\u0000-\u001f\u007f\s]+/g, ' ').trim().slice(0, max);
}

export function instant(value: unknown): Date | null {
  if (typeof value !== 'string' || !value.trim()) return null;
  const date = new Date(value.trim());
  return Number.isNaN(date.getTime()) ? null : date;
}

export function versionNumber(value: unknown): number {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  return /^\d{1,9}$/.test(text) ? Number(text) : 1;
}

export function urgencyOf(value: unknown): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d$/.test(value.trim()) ? Number(value) : NaN;
  return Number.isInteger(n) && n >= 1 && n <= 9 ? n : null;
}

export function pubStatusOf(value: unknown): PubStatus {
  const text = typeof value === 'string' ? value.replace(/^.*:/, '').toLowerCase() : '';
  return (PUB_STATUSES as readonly string[]).includes(text) ? (text as PubStatus) : 'usable';
}

const MEDIA_TOPIC = /^https?:\/\/cv\.iptc\.org\/newscodes\/mediatopic\/(\d{8})\/?$/;

/** IPTC media topics are kept as "medtop:NNNNNNNN" whichever way the sender wrote them. */
export function subjectCode(value: string): string {
  const topic = MEDIA_TOPIC.exec(value.trim());
  return topic ? `medtop:${topic[1]}` : value.trim();
}

export function subjectList(subjects: WireSubject[]): WireSubject[] {
  const seen = new Set<string>();
  return subjects
    .map((s) => ({ code: line(s.code, LIMITS.subject), name: line(s.name, LIMITS.subject) }))
    .filter((s) => (s.code || s.name) && !seen.has(s.code || s.name) && seen.add(s.code || s.name))
    .slice(0, 50);
}

/** Checks and clips what a parser produced; the body must be a valid story body. */
export function finishItem(item: ParsedWireItem): ParsedWireItem {
  const guid = line(item.guid, LIMITS.guid);
  if (!guid) throw new WireFormatError('An item has no identifier (NewsML-G2 guid, ninjs uri).');
  const body = parseBody(item.body.content.length ? item.body : { type: 'doc', content: [{ type: 'paragraph' }] });
  if (!body.ok) throw new WireFormatError(`Item ${guid}: ${body.error}`);
  return {
    ...item,
    guid,
    headline: line(item.headline, LIMITS.headline),
    slugline: line(item.slugline, LIMITS.slugline),
    byline: line(item.byline, LIMITS.byline),
    dateline: line(item.dateline, LIMITS.dateline),
    language: line(item.language, LIMITS.language),
    summary: line(item.summary, LIMITS.summary),
    provider: line(item.provider, LIMITS.provider),
    subjects: subjectList(item.subjects),
    pictures: item.pictures.filter((p) => /^https?:\/\//i.test(p.href) && p.href.length <= 2000).slice(0, 20).map((p) => ({ ...p, caption: line(p.caption, 1000) })),
    body: body.doc,
  };
}
