import { around, startingAt } from '../excerpt';
import type { RawFinding, Rule, Segment } from '../types';

// Quotation marks, by the house style of curly quotes: a closing mark (”) where a quotation opens,
// a quotation that never closes (unless the next paragraph continues it, as news style does) or
// closes without opening, and straight marks (" and ') where curly ones belong.

const OPENING_CONTEXT = /[\s([{—–/-]/;

/** Whether the mark at i begins a quotation: after a space or opening punctuation, before text. */
function opensAt(text: string, i: number): boolean {
  const before = i === 0 ? ' ' : text[i - 1]!;
  const after = text[i + 1] ?? '';
  return OPENING_CONTEXT.test(before) && after !== '' && /\S/.test(after);
}


function checkSegment(segment: Segment, continuesNext: boolean): RawFinding[] {
  const { text, start, field } = segment;
  const out: RawFinding[] = [];
  const open: number[] = [];
  const at = (i: number, length = 1) => ({ field, from: start + i, to: start + i + length });
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '“') open.push(i);
    else if (ch === '”') {
      if (opensAt(text, i)) {
        out.push({ rule: 'quote-wrong-opening', message: 'This quotation opens with a closing mark (”).', ...at(i), excerpt: startingAt(text, i), fix: { label: 'Use “', replacement: '“' } });
        open.push(i);
      } else if (open.length) open.pop();
      else out.push({ rule: 'quote-unbalanced', message: 'A quotation closes here but never opens.', ...at(i), excerpt: around(text, i, i + 1) });
    } else if (ch === '"') {
      const opening = opensAt(text, i) || (i === 0 && /\S/.test(text[1] ?? ''));
      out.push({ rule: 'quote-straight', message: 'Straight quotation mark: the house style is curly.', ...at(i), excerpt: around(text, i, i + 1), fix: opening ? { label: 'Use “', replacement: '“' } : { label: 'Use ”', replacement: '”' } });
      if (opening) open.push(i);
      else open.pop();
    } else if (ch === "'") {
      const word = /\p{L}/u.test(text[i - 1] ?? '') && /\p{L}/u.test(text[i + 1] ?? '');
      const opening = !word && opensAt(text, i);
      const label = word ? 'apostrophe' : 'quotation mark';
      out.push({ rule: 'quote-straight', message: `Straight ${label}: the house style is curly.`, ...at(i), excerpt: around(text, i, i + 1), fix: opening ? { label: 'Use ‘', replacement: '‘' } : { label: 'Use ’', replacement: '’' } });
    }
  }
  if (!continuesNext) {
    for (const i of open) out.push({ rule: 'quote-unbalanced', message: 'This quotation is never closed.', ...at(i), excerpt: startingAt(text, i) });
  }
  return out;
}

export const quotes: Rule = ({ segments, headline, dek }) => {
  const body = segments.filter((s) => s.field === 'body');
  const fields: Segment[] = [
    { field: 'headline', text: headline, start: 0, block: -1 },
    { field: 'dek', text: dek, start: 0, block: -1 },
  ];
  return [
    ...fields.flatMap((s) => checkSegment(s, false)),
    // A quotation running into the next paragraph is left open; that paragraph opens it again.
    ...body.flatMap((s, i) => checkSegment(s, /^\s*[“”"]/.test(body[i + 1]?.text ?? ''))),
  ];
};
