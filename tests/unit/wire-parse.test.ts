import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toPlainText } from '@/lib/editor/plain-text';
import { parseBody } from '@/lib/editor/schema';
import { ninjsMajor } from '@/lib/wire/ninjs';
import { ninjsProblem } from '@/lib/wire/ninjs-schema';
import { MAX_WIRE_BYTES, decodeWire, parseWire } from '@/lib/wire/parse';

// Agency documents in both formats become one wire item each: identity, versions, status,
// metadata and a body in the story schema with everything else dropped. Hostile XML is refused
// before any entity is expanded. (Fixtures: tests/fixtures/wire, written after IPTC's examples.)

const fixture = (name: string) => readFileSync(`tests/fixtures/wire/${name}`, 'utf8');
const one = (name: string) => {
  const items = parseWire(fixture(name), 'AUTO', 'Fallback Agency');
  expect(items).toHaveLength(1);
  return items[0]!;
};
const types = (doc: { content: { type: string }[] }) => doc.content.map((b) => b.type);

describe('NewsML-G2', () => {
  it('a newsItem with NITF inline content: every field, and a body of paragraphs, a heading, a list, a quotation and links', () => {
    const item = one('newsml-text-nitf.xml');
    expect(item).toMatchObject({
      guid: 'urn:newsml:harbourwire.test:20261205:port-strike',
      version: 2,
      pubStatus: 'usable',
      urgency: 2,
      headline: 'Dockworkers extend Callao strike & ships queue offshore',
      slugline: 'PERU-PORT/STRIKE',
      byline: 'Ana Quispe',
      dateline: 'CALLAO, Peru',
      language: 'en-GB',
      summary: 'A second week of stoppage at Peru\'s main port.',
      provider: 'Harbour Wire',
      format: 'newsml-g2',
    });
    expect(item.versionCreated?.toISOString()).toBe('2026-12-05T06:40:00.000Z');
    expect(item.firstCreated?.toISOString()).toBe('2026-12-05T06:05:00.000Z');
    expect(item.embargoUntil?.toISOString()).toBe('2099-01-01T09:00:00.000Z');
    // Media topics keep their codes, named in the item's language.
    expect(item.subjects).toEqual([
      { code: 'medtop:04000000', name: 'economy, business and finance' },
      { code: 'medtop:09000000', name: 'labour' },
    ]);
    expect(types(item.body)).toEqual(['paragraph', 'heading', 'bulletList', 'blockquote', 'paragraph', 'paragraph']);
    expect(parseBody(item.body).ok).toBe(true);
    const text = toPlainText(item.body);
    expect(text).toContain('Dockworkers at Callao voted on Saturday');
    expect(text).toContain('A pay rise of 12 per cent');
    expect(text).toContain('Ships waiting 40'); // a table's cells keep their text, not their markup
    expect(text).not.toContain('__xss');
    expect(text).not.toContain('Dockworkers extend Callao strike\n'); // the NITF headline is not body text
    const json = JSON.stringify(item.body);
    expect(json).toContain('"href":"https://port.example/notice"');
    expect(json).not.toContain('javascript:');
    expect(json).toContain('"type":"bold"');
    expect(json).toContain('"type":"italic"');
    expect(item.pictures).toEqual([{ href: 'https://photos.harbourwire.test/callao-queue.jpg', caption: 'Ships anchored off Callao.', width: null, height: null }]);
  });

  it('a newsMessage: its text item, in XHTML, with the picture item as its picture (the largest rendition)', () => {
    const item = one('newsml-message.xml');
    expect(item).toMatchObject({ guid: 'urn:newsml:harbourwire.test:20261205:fishing-quota', version: 1, urgency: 5, byline: 'Por Luis Ramos', dateline: 'PAITA, Perú', language: 'es', provider: 'Harbour Wire' });
    expect(item.versionCreated?.toISOString()).toBe('2026-12-05T12:55:00.000Z');
    expect(types(item.body)).toEqual(['heading', 'paragraph', 'orderedList']);
    expect(item.pictures).toEqual([{ href: 'https://photos.harbourwire.test/paita-large.jpg', caption: 'Fishing boats moored in Paita.', width: 2048, height: 1365 }]);
  });

  it('a canceled version says so', () => {
    expect(one('newsml-canceled.xml')).toMatchObject({ version: 3, pubStatus: 'canceled' });
  });

  it('refuses an external entity, entity expansion, a DOCTYPE of any kind, and XML that is not well-formed, naming the problem', () => {
    const xxe = '<?xml version="1.0"?><!DOCTYPE newsItem [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><newsItem guid="x" version="1"><contentMeta><headline>&xxe;</headline></contentMeta></newsItem>';
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('')}]><newsItem guid="x" version="1"><contentMeta><headline>&lol9;</headline></contentMeta></newsItem>`;
    const doctype = '<!DOCTYPE newsItem SYSTEM "http://evil.example/x.dtd"><newsItem guid="x" version="1"/>';
    for (const hostile of [xxe, laughs, doctype]) {
      expect(() => parseWire(hostile, 'AUTO', 'A')).toThrow(/DOCTYPE or entity declarations is refused/);
    }
    expect(() => parseWire('<newsItem guid="x"><headline>open', 'AUTO', 'A')).toThrow(/not well-formed/);
    expect(() => parseWire('<rss><channel/></rss>', 'NEWSML', 'A')).toThrow(/root is <rss>/);
    expect(() => parseWire('<newsItem version="1"><contentSet/></newsItem>', 'AUTO', 'A')).toThrow(/no identifier/);
  });

  it('an undeclared entity stays text as written: nothing is looked up or expanded', () => {
    const [item] = parseWire('<newsItem guid="x" version="1"><contentMeta><headline>&undeclared; &amp; &#233;</headline></contentMeta></newsItem>', 'AUTO', 'A');
    expect(item!.headline).toBe('&undeclared; & é');
  });
});

describe('ninjs', () => {
  it('1.x: headline, byline, body_html, subjects by scheme and code, embargo, the largest rendition of the feature image', () => {
    const item = one('ninjs-1.json');
    expect(ninjsMajor(JSON.parse(fixture('ninjs-1.json')) as Record<string, unknown>)).toBe(1);
    expect(item).toMatchObject({ format: 'ninjs-1', guid: 'urn:harbourwire.test:ninjs1:bridge', version: 1, urgency: 1, headline: 'Bridge closed after ship strikes pier', byline: 'By Rosa Flores, Harbour Wire', dateline: 'CALLAO', summary: 'Traffic diverted after a collision.' });
    expect(item.embargoUntil?.toISOString()).toBe('2026-12-05T12:00:00.000Z');
    expect(item.subjects).toEqual([{ code: 'medtop:20000111', name: 'transport accident' }, { code: 'geo:callao', name: 'Callao' }]);
    expect(item.pictures.map((p) => p.href)).toEqual(['https://photos.harbourwire.test/bridge-large.jpg', 'https://photos.harbourwire.test/bridge.jpg']);
    expect(types(item.body)).toEqual(['paragraph', 'paragraph']);
  });

  it('2.x: the main headline, the summary, the HTML body over the plain one, withheld status; iframes dropped', () => {
    const item = one('ninjs-2.json');
    expect(item).toMatchObject({ format: 'ninjs-2', version: 4, pubStatus: 'withheld', urgency: 3, headline: 'Leuchtturm von Helgoland wird saniert', summary: 'Die Arbeiten dauern bis März.', language: 'de' });
    expect(item.subjects[0]).toEqual({ code: 'medtop:20000508', name: 'Denkmalschutz' });
    expect(types(item.body)).toEqual(['heading', 'paragraph', 'blockquote']);
    expect(JSON.stringify(item.body)).not.toContain('evil.example');
    expect(item.pictures[0]).toEqual({ href: 'https://photos.harbourwire.test/lighthouse.jpg', caption: 'Der Leuchtturm im Nebel.', width: 1200, height: 1800 });
  });

  it('3.x: camelCase properties and embargoedUntil', () => {
    const item = one('ninjs-3.json');
    expect(item).toMatchObject({ format: 'ninjs-3', version: 2, urgency: 4, provider: 'Harbour Wire Nordic', dateline: 'BERGEN' });
    expect(item.embargoUntil?.toISOString()).toBe('2026-12-05T11:00:00.000Z');
    expect(types(item.body)).toEqual(['paragraph', 'bulletList']);
  });

  it('a list is several items; plain-text bodies keep their paragraphs', () => {
    const items = parseWire(fixture('ninjs-list.json'), 'AUTO', 'A');
    expect(items.map((i) => i.headline)).toEqual(['First of two', 'Second of two']);
    expect(toPlainText(items[0]!.body)).toBe('One paragraph.\n\nAnother paragraph.');
  });

  it('each major version is checked against its own IPTC schema, and the first problem is named', () => {
    const v2 = JSON.parse(fixture('ninjs-2.json')) as Record<string, unknown>;
    expect(() => parseWire(JSON.stringify({ ...v2, pubstatus: 'killed' }), 'AUTO', 'A')).toThrow(/Not valid ninjs 2\.x \(IPTC schema 2\.2\): \/pubstatus must be equal to one of the allowed values/);
    expect(() => parseWire(JSON.stringify({ ...v2, representationtype: 'complete' }), 'AUTO', 'A')).toThrow(/representationtype/);
    expect(() => parseWire(JSON.stringify({ headline: 'No uri' }), 'AUTO', 'A')).toThrow(/ninjs 1\.x .*must have required property 'uri'/);
    const v3 = JSON.parse(fixture('ninjs-3.json')) as Record<string, unknown>;
    expect(() => parseWire(JSON.stringify({ ...v3, urgency: 12 }), 'AUTO', 'A')).toThrow(/\/urgency must be <= 9/);
    expect(() => parseWire(JSON.stringify([v3, { ...v3, uri: 5 }]), 'AUTO', 'A')).toThrow(/^Item 2: /);
    expect(() => parseWire(JSON.stringify({ ...v3, type: 'picture' }), 'AUTO', 'A')).toThrow(/the wire takes text items/);
    expect(() => parseWire('{"uri": "x",', 'AUTO', 'A')).toThrow(/not valid JSON/);
  });

  it('the schemas themselves: a minimal item of each version passes, and our own representationtype is the one 2.x allows', () => {
    expect(ninjsProblem({ uri: 'urn:x' }, '1.6')).toBeNull();
    expect(ninjsProblem({ uri: 'urn:x', representationtype: 'full' }, '2.0')).toBeNull();
    expect(ninjsProblem({ uri: 'urn:x', representationtype: 'complete' }, '2.0')).toMatch(/representationtype/);
    expect(ninjsProblem({ uri: 'urn:x', representationType: 'full' }, '3.1')).toBeNull();
  });
});

describe('any body', () => {
  it('that is neither format, empty, or over 5 MB is refused by name', () => {
    expect(() => parseWire('hello', 'AUTO', 'A')).toThrow(/neither NewsML-G2 \(XML\) nor ninjs \(JSON\)/);
    expect(() => parseWire('  ', 'AUTO', 'A')).toThrow(/empty/);
    expect(() => parseWire(`<newsItem guid="x" version="1"><contentSet><inlineData>${'a'.repeat(MAX_WIRE_BYTES)}</inlineData></contentSet></newsItem>`, 'AUTO', 'A')).toThrow(/larger than 5242880 bytes/);
    // A source set to one format does not guess.
    expect(() => parseWire(fixture('ninjs-3.json'), 'NEWSML', 'A')).toThrow(/not well-formed|root/);
  });
});

describe('markup the editor could not hold as it is', () => {
  it('a list item that is only a nested list, or opens with a heading, still makes a valid body', () => {
    const html = '<ul><li><ul><li>Nested only</li></ul></li><li><h2>Heading first</h2><p>Then text</p></li><li></li></ul><ol><li>Plain</li></ol>';
    const [item] = parseWire(JSON.stringify({ uri: 'urn:lists', bodies: [{ contenttype: 'text/html', value: html }] }), 'AUTO', 'A');
    expect(parseBody(item!.body).ok).toBe(true);
    expect(toPlainText(item!.body)).toContain('Heading first');
    expect(toPlainText(item!.body)).toContain('Nested only');
  });

  it('markup from any corner of HTML makes a valid body or none at all (random fragments, 300 rounds)', () => {
    const tags = ['p', 'div', 'ul', 'ol', 'li', 'h1', 'h3', 'blockquote', 'b', 'i', 'a href="https://x.test/"', 'a href="javascript:x"', 'span', 'table', 'tr', 'td', 'br', 'img src="https://x.test/i.jpg"', 'script', 'pre', 'section'];
    let seed = 11;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const fragment = (depth: number): string => {
      if (depth > 4 || random(3) === 0) return ['text', ' ', 'more words', '&amp;', ''][random(5)]!;
      const tag = tags[random(tags.length)]!;
      const name = tag.split(' ')[0]!;
      return `<${tag}>${Array.from({ length: random(4) }, () => fragment(depth + 1)).join('')}</${name}>`;
    };
    for (let round = 0; round < 300; round++) {
      const html = Array.from({ length: 1 + random(4) }, () => fragment(0)).join('');
      let ok: boolean | string;
      try {
        const [item] = parseWire(JSON.stringify({ uri: `urn:fuzz:${round}`, bodies: [{ contenttype: 'text/html', value: html }] }), 'AUTO', 'A');
        ok = parseBody(item!.body).ok;
      } catch (error) {
        ok = (error as Error).message; // shown with the fragment that made it
      }
      expect({ html, ok }).toEqual({ html, ok: true });
    }
  });
});

describe('bytes as they arrive', () => {
  it('XML in the encoding it declares (ISO-8859-1, windows-1252), JSON in UTF-8 or UTF-16 with its mark', () => {
    const latin1 = Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><newsItem guid="x" version="1"><contentMeta><headline>Peña visits Ñuñoa</headline></contentMeta></newsItem>', 'latin1');
    expect(parseWire(decodeWire(latin1), 'AUTO', 'A')[0]!.headline).toBe('Peña visits Ñuñoa');
    const cp1252 = Buffer.concat([Buffer.from("<?xml version='1.0' encoding='windows-1252'?><newsItem guid=\"x\" version=\"1\"><contentMeta><headline>"), Buffer.from([0x93]), Buffer.from('Quoted'), Buffer.from([0x94]), Buffer.from('</headline></contentMeta></newsItem>')]);
    expect(parseWire(decodeWire(cp1252), 'AUTO', 'A')[0]!.headline).toBe('“Quoted”');
    const json = fixture('ninjs-3.json');
    expect(decodeWire(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json, 'utf16le')]))).toBe(json);
    expect(decodeWire(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(json)]))).toBe(json);
  });

  it('bytes that are not valid in their encoding, or an encoding nobody reads, are refused by name', () => {
    expect(() => decodeWire(Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x7d]))).toThrow('The body is not valid UTF-8 text.');
    expect(() => decodeWire(Buffer.from('<?xml version="1.0" encoding="x-klingon"?><a/>'))).toThrow(/declares an encoding Masthead does not read \("x-klingon"\)/);
  });
});
