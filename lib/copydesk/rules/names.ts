import type { RawFinding, Rule, Segment } from '../types';

// Names: the same run of capitalised words spelled two ways in one story ("Yoon Suk-yeol" and
// "Yoon Suk Yeol"), or unlike the newsroom's name list. Two spellings are the same name when they
// differ only in spaces, hyphens and case.

const WORD = /\p{Lu}[\p{L}'’]*(?:-\p{L}[\p{L}'’]*)*/gu;

type Occurrence = { surface: string; key: string; field: Segment['field']; from: number; to: number };

const keyOf = (surface: string) => surface.toLowerCase().replace(/[\s-]+/g, '');

/** Every run of two to four capitalised words, and every shorter run inside it. */
function occurrences(segment: Segment): Occurrence[] {
  const words = [...segment.text.matchAll(WORD)].map((m) => ({ text: m[0], from: m.index!, to: m.index! + m[0].length }));
  const out: Occurrence[] = [];
  let run: typeof words = [];
  const flush = () => {
    for (let a = 0; a < run.length; a++) {
      for (let b = a + 1; b < Math.min(run.length, a + 4); b++) {
        const surface = segment.text.slice(run[a]!.from, run[b]!.to);
        out.push({ surface, key: keyOf(surface), field: segment.field, from: segment.start + run[a]!.from, to: segment.start + run[b]!.to });
      }
    }
    run = [];
  };
  for (const w of words) {
    const last = run.at(-1);
    if (last && !/^[ -]$/.test(segment.text.slice(last.to, w.from))) flush();
    run.push(w);
  }
  flush();
  return out;
}

export const names: Rule = ({ segments, headline, dek, settings }) => {
  const all = [...segments, { field: 'headline' as const, text: headline, start: 0, block: -1 }, { field: 'dek' as const, text: dek, start: 0, block: -1 }].flatMap(occurrences);
  const listed = new Map(settings.names.map((n) => [keyOf(n), n]));
  const out: RawFinding[] = [];
  const taken: Occurrence[] = [];
  const overlaps = (o: Occurrence) => taken.some((t) => t.field === o.field && t.from < o.to && o.from < t.to);
  // The newsroom's list first: it says which spelling is right.
  for (const o of all) {
    const right = listed.get(o.key);
    if (!right || right === o.surface || overlaps(o)) continue;
    taken.push(o);
    out.push({ rule: 'name-variant', message: `The newsroom spells this name “${right}”.`, field: o.field, from: o.from, to: o.to, excerpt: o.surface, fix: { label: `Use “${right}”`, replacement: right } });
  }
  // Then the story against itself: the first spelling it uses is the one to keep.
  const first = new Map<string, string>();
  for (const o of all) {
    if (listed.has(o.key)) continue;
    const seen = first.get(o.key);
    if (seen === undefined) first.set(o.key, o.surface);
    else if (seen !== o.surface && !overlaps(o)) {
      taken.push(o);
      out.push({ rule: 'name-variant', message: `Spelled “${seen}” elsewhere in this story.`, field: o.field, from: o.from, to: o.to, excerpt: o.surface, fix: { label: `Use “${seen}”`, replacement: seen } });
    }
  }
  return out;
};
