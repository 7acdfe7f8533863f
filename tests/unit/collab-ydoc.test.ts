import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { TEXT_FIELDS, type TextFields } from '@/lib/collab/body-field';
import { bodyOfDoc, contentOfDoc, docFromContent, fieldsOfDoc, forwardEdit } from '@/lib/collab/ydoc';
import { parseBody, type Doc } from '@/lib/editor/schema';

const para = (text: string, marks?: { type: string }[]) => ({ type: 'paragraph', content: [{ type: 'text', text, ...(marks ? { marks } : {}) }] });
const body = (...content: unknown[]) => ({ type: 'doc', content }) as Doc;
const fields = (over: Partial<TextFields> = {}): TextFields => ({ headline: 'Summit in Lima', dek: 'Leaders meet.', seoTitle: '', seoDescription: '', creditLine: '', dateline: 'LIMA', ...over });
const docFromBody = (b: Doc) => docFromContent({ body: b, fields: fields() });

describe('a story body in a shared document', () => {
  it('comes back exactly as it went in, and passes the body schema', () => {
    const original = body(
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Lima' }] },
      para('Yoon met Ishiba.', [{ type: 'bold' }]),
      { type: 'bulletList', content: [{ type: 'listItem', content: [para('one')] }, { type: 'listItem', content: [para('two')] }] },
      { type: 'blockquote', content: [para('“We agreed,” he said.')] },
      { type: 'paragraph', content: [{ type: 'text', text: 'a link', marks: [{ type: 'link', attrs: { href: 'https://example.com/', target: null, rel: 'noopener noreferrer nofollow', class: null, title: null } }] }] },
    );
    const back = bodyOfDoc(docFromBody(original));
    expect(back).toEqual(original);
    expect(parseBody(back).ok).toBe(true);
  });

  it('merges an outside change with what was typed since, instead of overwriting it', () => {
    const base = docFromBody(body(para('First paragraph.'), para('Second paragraph.')));
    const baseState = Y.encodeStateAsUpdate(base);
    // Someone types into the second paragraph after the last store…
    const live = new Y.Doc();
    Y.applyUpdate(live, baseState);
    const second = live.getXmlFragment('default').get(1) as Y.XmlElement;
    (second.get(0) as Y.XmlText).insert('Second paragraph.'.length - 1, ' grows');
    // …while a restore (computed from the stored body) rewrites the first.
    const update = forwardEdit(baseState, { body: body(para('First paragraph, restored.'), para('Second paragraph.')) });
    expect(update).not.toBeNull();
    Y.applyUpdate(live, update!);
    expect(bodyOfDoc(live)).toEqual(body(para('First paragraph, restored.'), para('Second paragraph grows.')));
  });

  it('makes no edit when the body did not change', () => {
    const original = body(para('Unchanged.'));
    expect(forwardEdit(Y.encodeStateAsUpdate(docFromBody(original)), { body: original, fields: fields() })).toBeNull();
  });

  it('holds the text fields beside the body, and gives them back', () => {
    const doc = docFromContent({ body: body(para('Text.')), fields: fields({ seoTitle: 'Lima summit' }) });
    expect(contentOfDoc(doc)).toEqual({ body: body(para('Text.')), fields: fields({ seoTitle: 'Lima summit' }) });
    expect(Object.keys(fieldsOfDoc(doc))).toEqual([...TEXT_FIELDS]);
  });

  it('merges an outside change to a text field with what was typed in it since', () => {
    const baseState = Y.encodeStateAsUpdate(docFromContent({ body: body(para('Text.')), fields: fields() }));
    const live = new Y.Doc();
    Y.applyUpdate(live, baseState);
    live.getText('headline').insert('Summit in Lima'.length, ' ends');
    // The desk API rewrites the start of the headline from the stored row.
    const update = forwardEdit(baseState, { body: body(para('Text.')), fields: { headline: 'Talks in Lima' } });
    Y.applyUpdate(live, update!);
    expect(fieldsOfDoc(live).headline).toBe('Talks in Lima ends');
    expect(fieldsOfDoc(live).dek).toBe('Leaders meet.');
  });
});
