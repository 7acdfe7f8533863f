import { describe, expect, it } from 'vitest';
import { blockingFindings, checkStory } from '@/lib/copydesk/check';
import { bodySegments } from '@/lib/copydesk/segments';
import { sentencesOf } from '@/lib/copydesk/sentences';
import { DEFAULT_STYLE, type Finding, type StyleSettings } from '@/lib/copydesk/types';
import { docFromPlainText } from '@/lib/editor/plain-text';
import type { Doc } from '@/lib/editor/schema';
import { entryStyleText } from '@/lib/copydesk/entry-text';
import { summitParagraphs } from '../support/summit';

const SUMMIT_HEADLINE = 'Yoon and Ishiba hold second summit in Lima, voice concern over North Korean troops in Russia';
const SUMMIT_DEK = 'Meeting on the sidelines of APEC, the two leaders pledged closer cooperation between Japan and South Korea as the regional security situation shifts.';

function check(text: string, settings: StyleSettings = DEFAULT_STYLE, fields: { headline?: string; dek?: string; section?: string } = {}): Finding[] {
  return checkStory({ headline: fields.headline ?? 'A headline', dek: fields.dek ?? 'A dek.', body: docFromPlainText(text), section: fields.section ?? null }, settings);
}
const rules = (findings: Finding[]) => findings.map((f) => f.rule);
const only = (findings: Finding[], rule: Finding['rule']) => findings.filter((f) => f.rule === rule);

/** The document text a finding covers, from its ProseMirror positions. */
function covered(doc: Doc, f: Finding): string {
  const { segments } = bodySegments(doc);
  const s = segments.find((x) => f.from >= x.start && f.to <= x.start + x.text.length)!;
  return s.text.slice(f.from - s.start, f.to - s.start);
}

describe('the summit story', () => {
  const body = docFromPlainText(summitParagraphs().join('\n'));
  const findings = checkStory({ headline: SUMMIT_HEADLINE, dek: SUMMIT_DEK, body, section: 'world' }, DEFAULT_STYLE);

  it('yields exactly its three quotations opened with a closing mark, as errors, each fixed by “', () => {
    const errors = findings.filter((f) => f.severity === 'error');
    expect(errors.map((f) => [f.rule, f.excerpt, f.fix?.replacement])).toEqual([
      ['quote-wrong-opening', '”At a time when close cooperation…', '“'],
      ['quote-wrong-opening', '”and I look forward to a fruitful…', '“'],
      ['quote-wrong-opening', '”I hope that between President Yoon…', '“'],
    ]);
    for (const e of errors) expect(covered(body, e)).toBe('”');
  });

  it('and these warnings: the name list’s spelling of Yoon Suk Yeol and two straight apostrophes', () => {
    const warnings = findings.filter((f) => f.severity === 'warning');
    expect(warnings.map((f) => [f.rule, covered(body, f), f.fix?.replacement])).toEqual([
      ['name-variant', 'Yoon Suk-yeol', 'Yoon Suk Yeol'],
      ['quote-straight', "'", '’'],
      ['quote-straight', "'", '’'],
    ]);
    expect(warnings[1]!.excerpt).toContain("Korea's");
    expect(warnings[2]!.excerpt).toContain("Trump's");
  });

  it('is clean once the fixes are applied', () => {
    const fixed = summitParagraphs()
      .join('\n')
      .replace(/(^|\s)”/gm, '$1“')
      .replaceAll("'", '’')
      .replace('Yoon Suk-yeol', 'Yoon Suk Yeol');
    expect(check(fixed, DEFAULT_STYLE, { headline: SUMMIT_HEADLINE, dek: SUMMIT_DEK })).toEqual([]);
  });
});

describe('quotation marks', () => {
  it('finds a quotation that never closes, and one that closes without opening', () => {
    const f = check('“We will not stop, the mayor said. She left.\nThe council voted.” Nobody was surprised.');
    expect(only(f, 'quote-unbalanced').map((x) => x.message)).toEqual(['This quotation is never closed.', 'A quotation closes here but never opens.']);
  });

  it('lets a quotation run on into a paragraph that opens it again, as news style does', () => {
    expect(rules(check('“The first paragraph of a long quotation,\n“and the second, which closes it,” she said.'))).toEqual([]);
  });

  it('turns straight quotation marks and apostrophes curly, opening or closing by position', () => {
    const f = only(check('He said "we\'re ready" and left.'), 'quote-straight');
    expect(f.map((x) => x.fix?.replacement)).toEqual(['“', '’', '”']);
  });

  it('checks the headline too', () => {
    const f = check('Body.', DEFAULT_STYLE, { headline: 'Minister: ”We will act”' });
    expect(f.filter((x) => x.field === 'headline').map((x) => [x.rule, x.from])).toEqual([['quote-wrong-opening', 10]]);
  });
});

describe('names', () => {
  it('finds the same name spelled two ways in one story, keeping the first spelling', () => {
    const f = only(check('Lee Jon-young wrote the report.\nAsked about it, Lee Jon Young said little.'), 'name-variant');
    expect(f.map((x) => [x.excerpt, x.fix?.replacement])).toEqual([['Lee Jon Young', 'Lee Jon-young']]);
  });

  it('prefers the newsroom’s list, and leaves a name spelled as listed alone', () => {
    const settings = { ...DEFAULT_STYLE, names: ['Lee Jon-young'] };
    expect(only(check('Lee Jon Young and Lee Jon-young.', settings), 'name-variant').map((x) => x.excerpt)).toEqual(['Lee Jon Young']);
    expect(only(check('President Yoon Suk Yeol spoke.'), 'name-variant')).toEqual([]);
  });
});

describe('words, spaces, numbers and dates', () => {
  it('doubled words, with a fix that keeps one', () => {
    const f = only(check('The council approved the the budget on Tuesday.'), 'doubled-word');
    expect(f.map((x) => [x.excerpt, x.fix?.replacement])).toEqual([['the the', 'the']]);
  });

  it('a space before punctuation, but not an ellipsis or a dash', () => {
    const f = only(check('Prices rose , officials said ; markets fell . Then … nothing — and more.'), 'space-before-punctuation');
    expect(f.map((x) => x.fix?.replacement)).toEqual([',', ';', '.']);
  });

  it('AP numbers: one to nine spelled out, figures left for ages, percentages, times, money and dates', () => {
    const f = only(check('The 3 ministers met for 45 minutes on Nov. 4 at 9 p.m. (or 4 December); inflation rose 2% and a 5-year-old watched. It cost $7. No. 2 in the rankings.'), 'number-style');
    expect(f.map((x) => x.fix?.replacement)).toEqual(['three']);
  });

  it('AP dates: long months abbreviated before a day, March to July left whole', () => {
    const f = only(check('On November 16 and on March 3 and on Sept 9, 2024, and in December.'), 'date-style');
    expect(f.map((x) => [x.excerpt.split(' ')[0], x.fix?.replacement])).toEqual([['November', 'Nov.'], ['Sept', 'Sept.']]);
  });

  it('numbers can be switched off by the newsroom', () => {
    expect(only(check('The 3 ministers met on November 16.', { ...DEFAULT_STYLE, numbers: 'off' }), 'number-style')).toEqual([]);
  });

  it('flagged terms, whole words only, with the preferred term as the fix', () => {
    const f = only(check('Officials will utilize the fund in order to build. Utilizes is different.'), 'flagged-term');
    expect(f.map((x) => [x.excerpt, x.fix?.replacement])).toEqual([['utilize', 'use'], ['in order to', 'to']]);
  });
});

describe('attribution', () => {
  it('a direct quotation needs an attribution verb in its sentence or the next', () => {
    expect(only(check('“We will rebuild every house on this street by spring.” The crowd cheered.'), 'attribution')).toHaveLength(1);
    expect(only(check('“We will rebuild every house on this street by spring.” The mayor said it twice.'), 'attribution')).toEqual([]);
    expect(only(check('The mayor said: “We will rebuild every house on this street by spring.”'), 'attribution')).toEqual([]);
    // A short scare-quoted word is not a direct quotation.
    expect(only(check('He called it “grave” and left.'), 'attribution')).toEqual([]);
  });

  it('reads sentences without splitting inside a quotation or after “Nov.”', () => {
    expect(sentencesOf('He said, “Stop. Now.” Then Nov. 16 came. Done.').map((s) => s.text)).toEqual(['He said, “Stop. Now.”', 'Then Nov. 16 came.', 'Done.']);
  });
});

describe('fields, severities and overrides', () => {
  it('headline length by section, an empty dek and an image without alt text', () => {
    const settings = { ...DEFAULT_STYLE, headlineLimits: { default: 110, world: 20 } };
    const body: Doc = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Text.' }] }, { type: 'image', attrs: { src: '/media/abcdefabcdef/960.webp', alt: '', title: null, mediaId: 'abcdefabcdef' } } as never] };
    const f = checkStory({ headline: 'A headline of thirty characters', dek: ' ', body, section: 'world' }, settings);
    expect(rules(f)).toEqual(['headline-length', 'empty-dek', 'image-alt']);
    expect(f[0]!.message).toBe('The headline is 31 characters; this section allows 20.');
    expect(f[2]!.from).toBe(7); // the image node's position, after the 7-position paragraph
  });

  it('a rule set to off finds nothing; an error becomes a warning when the newsroom says so', () => {
    const settings = { ...DEFAULT_STYLE, rules: { ...DEFAULT_STYLE.rules, 'quote-wrong-opening': 'warning' as const, 'quote-straight': 'off' as const } };
    const f = check('She said, ”yes" today.', settings);
    expect(f.map((x) => [x.rule, x.severity])).toEqual([['quote-wrong-opening', 'warning']]);
  });

  it('an editor’s override lets that rule’s errors through for the story', () => {
    const f = check('She said, ”yes,” today.');
    expect(blockingFindings(f, new Set())).toHaveLength(1);
    expect(blockingFindings(f, new Set(['quote-wrong-opening']))).toEqual([]);
  });

  it('body positions are ProseMirror positions, through lists and quotes', () => {
    const doc: Doc = {
      type: 'doc',
      content: [
        { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Quoted the the text.' }] }] },
        { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Item a a.' }] }] }] },
      ],
    } as Doc;
    const f = only(checkStory({ headline: 'H', dek: 'D', body: doc, section: null }, DEFAULT_STYLE), 'doubled-word');
    // blockquote(0) > paragraph(1) > text starts at 2; "the the" at offset 7 → 9..16.
    expect(f.map((x) => [x.from, x.to])).toEqual([
      [9, 16],
      [32, 35],
    ]);
  });
});

describe('a live blog entry', () => {
  const strict: StyleSettings = { ...DEFAULT_STYLE, rules: { ...DEFAULT_STYLE.rules, 'empty-dek': 'error' } };

  it('has no dek, so the empty-dek rule does not apply to it, while a story’s empty dek is still found', () => {
    const body = docFromPlainText('Talks resume after lunch.');
    expect(rules(checkStory(entryStyleText('', body, null), strict))).toEqual([]);
    expect(rules(checkStory({ headline: 'A headline', dek: '', body, section: null }, strict))).toEqual(['empty-dek']);
  });

  it('is checked on its own headline, under its section’s limit', () => {
    const body = docFromPlainText('Talks resume after lunch.');
    const findings = checkStory(entryStyleText('”Talks resume,” officials say', body, null), DEFAULT_STYLE);
    expect(findings.map((f) => [f.rule, f.field])).toContainEqual(['quote-wrong-opening', 'headline']);
    const long = { ...DEFAULT_STYLE, headlineLimits: { ...DEFAULT_STYLE.headlineLimits, world: 10 } };
    expect(rules(checkStory(entryStyleText('Talks resume after lunch', body, 'world'), long))).toContain('headline-length');
  });
});
