import type pg from 'pg';

// The search vector of a generated story, built here instead of by PostgreSQL: `to_tsvector` costs
// about a millisecond for a story of a thousand words, a quarter of an hour of one core for a
// million. The words themselves still come from PostgreSQL: every distinct whitespace-separated
// piece of text ("Harbourside:", "“We", "said.") is parsed once by `ts_debug` with the English
// configuration, and a story's vector is assembled from its pieces following PostgreSQL's rules
// (a position for every word the parser maps, stop words included; at most 255 positions per
// lexeme from one text, none past 16,383; `||` shifts the right-hand positions by the largest
// position on the left). `seedArchive` compares a sample of stored vectors with PostgreSQL's own
// expression after every run.

const MAX_POS = 16383;
const MAX_POSITIONS = 256;
const WEIGHTS = ['D', 'C', 'B', 'A'] as const;

/** A position and its weight in one number: position × 4 + weight (D 0, C 1, B 2, A 3). */
type Vector = Map<string, number[]>;
export type Weight = (typeof WEIGHTS)[number];

const pieces = (text: string) => text.split(/\s+/).filter(Boolean);

export class Lexicon {
  /** For each piece of text, the lexemes at each of its word positions ([] for a stop word). */
  private readonly known = new Map<string, string[][]>();
  /** The same for whole segments (a sentence, say), which the generator repeats. */
  private readonly segments = new Map<string, string[][]>();

  /** Asks PostgreSQL for every piece of these texts not yet known. */
  async learn(client: pg.PoolClient | pg.Client, texts: Iterable<string>): Promise<void> {
    const unknown = new Set<string>();
    for (const text of texts) if (!this.segments.has(text)) for (const piece of pieces(text)) if (!this.known.has(piece)) unknown.add(piece);
    if (unknown.size === 0) return;
    const { rows } = await client.query<{ piece: string; words: string[][] | null }>(
      `SELECT p AS piece,
         (SELECT json_agg(d.lexemes ORDER BY d.n) FROM ts_debug('english', p) WITH ORDINALITY AS d(alias, description, token, dictionaries, dictionary, lexemes, n)
          WHERE d.lexemes IS NOT NULL) AS words
       FROM unnest($1::text[]) AS p`,
      [[...unknown]],
    );
    for (const row of rows) this.known.set(row.piece, row.words ?? []);
  }

  private wordsOf(segment: string): string[][] {
    let words = this.segments.get(segment);
    if (words) return words;
    words = [];
    for (const piece of pieces(segment)) {
      const found = this.known.get(piece);
      if (!found) throw new Error(`The lexicon has not learnt "${piece}".`);
      words.push(...found);
    }
    if (this.segments.size < 200_000) this.segments.set(segment, words);
    return words;
  }

  /** `to_tsvector('english', text)` with every position given `weight`; the text is its segments joined by spaces. */
  private part(segments: readonly string[], weight: number): Vector {
    const vector: Vector = new Map();
    let at = 0;
    for (const segment of segments) {
      for (const lexemes of this.wordsOf(segment)) {
        at++;
        const limited = Math.min(at, MAX_POS);
        for (const lexeme of lexemes) {
          let list = vector.get(lexeme);
          if (!list) vector.set(lexeme, (list = []));
          const last = list.length ? list[list.length - 1]! >> 2 : -1;
          if (list.length < MAX_POSITIONS - 1 && last !== MAX_POS && last !== limited) list.push((limited << 2) | weight);
        }
      }
    }
    return vector;
  }

  /**
   * `setweight(to_tsvector('english', text), weight) || …` for the parts in order, as tsvector
   * text. Each part's text is given as segments that join with spaces (whitespace is only a
   * separator to the parser).
   */
  vector(parts: [segments: readonly string[], weight: Weight][]): string {
    let whole: Vector = new Map();
    for (const [segments, weight] of parts) whole = concat(whole, this.part(segments, WEIGHTS.indexOf(weight)));
    const out: string[] = [];
    for (const [lexeme, positions] of whole) {
      const quoted = `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
      out.push(`${quoted}:${positions.map((p) => `${p >> 2}${p & 3 ? WEIGHTS[p & 3] : ''}`).join(',')}`);
    }
    return out.join(' ');
  }
}

/** PostgreSQL's `tsvector || tsvector`. */
function concat(left: Vector, right: Vector): Vector {
  if (left.size === 0) return right;
  let shift = 0;
  for (const positions of left.values()) for (const p of positions) shift = Math.max(shift, p >> 2);
  const out: Vector = new Map(left);
  for (const [lexeme, positions] of right) {
    const list = [...(out.get(lexeme) ?? [])];
    for (const p of positions) {
      if (list.length >= MAX_POSITIONS || (list.length && list[list.length - 1]! >> 2 === MAX_POS)) break;
      list.push((Math.min((p >> 2) + shift, MAX_POS) << 2) | (p & 3));
    }
    out.set(lexeme, list);
  }
  return out;
}
