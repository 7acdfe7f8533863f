// Sentences of a paragraph, for the attribution rule. A full stop inside a quotation does not end
// the sentence that carries it, nor does one after an abbreviation followed by a number or a
// lower-case word ("Nov. 16", "approx. three").

export type Sentence = { from: number; to: number; text: string };

const OPEN = new Set(['“', '‘']);
const CLOSE = new Set(['”', '’']);

export function sentencesOf(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const prev = text[i - 1] ?? ' ';
    if (ch === '“' || (ch === '”' && /\s|^/.test(prev) && /\S/.test(text[i + 1] ?? ''))) depth++;
    else if (CLOSE.has(ch) && ch === '”') depth = Math.max(0, depth - 1);
    else if (OPEN.has(ch)) continue;
    if (!/[.?!]/.test(ch)) continue;
    let end = i + 1;
    while (end < text.length && /[”’"')\]]/.test(text[end]!)) {
      if (text[end] === '”') depth = Math.max(0, depth - 1);
      end++;
    }
    if (depth > 0) continue;
    const rest = text.slice(end);
    if (rest === '' || /^\s+[“"‘(\p{Lu}\d]/u.test(rest) && !/^\s+\d/.test(rest)) {
      out.push({ from: start, to: end, text: text.slice(start, end) });
      start = end + (rest.match(/^\s*/)?.[0].length ?? 0);
      i = start - 1;
    }
  }
  if (start < text.length && text.slice(start).trim()) out.push({ from: start, to: text.length, text: text.slice(start) });
  return out;
}
