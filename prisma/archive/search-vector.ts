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

type Position = { at: number; weight: Weight };
type Vector = Map<string, Position[]>;
export type Weight = 'A' | 'B' | 'C' | 'D';

const pieces = (text: string) => text.split(/\s+/).filter(Boolean);

export class Lexicon {
  /** For each piece of text, the lexemes at each of its word positions ([] for a stop word). */
  private readonly known = new Map<string, string[][]>();

  /** Asks PostgreSQL for every piece of these texts not yet known. */
  async learn(client: pg.PoolClient | pg.Client, texts: Iterable<string>): Promise<void> {
    const unknown = new Set<string>();
    for (const text of texts) for (const piece of pieces(text)) if (!this.known.has(piece)) unknown.add(piece);
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

  /** `to_tsvector('english', text)` with every position given `weight`. */
  private part(text: string, weight: Weight): Vector {
    const vector: Vector = new Map();
    let at = 0;
    for (const piece of pieces(text)) {
      const words = this.known.get(piece);
      if (!words) throw new Error(`The lexicon has not learnt "${piece}".`);
      for (const lexemes of words) {
        at++;
        const limited = Math.min(at, MAX_POS);
        for (const lexeme of lexemes) {
          let list = vector.get(lexeme);
          if (!list) vector.set(lexeme, (list = []));
          const last = list.at(-1)?.at;
          if (list.length < MAX_POSITIONS - 1 && last !== MAX_POS && last !== limited) list.push({ at: limited, weight });
        }
      }
    }
    return vector;
  }

  /** `setweight(to_tsvector('english', text), weight) || …` for the parts in order, as tsvector text. */
  vector(parts: [string, Weight][]): string {
    let whole: Vector = new Map();
    for (const [text, weight] of parts) whole = concat(whole, this.part(text, weight));
    const out: string[] = [];
    for (const [lexeme, positions] of whole) {
      const quoted = `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
      out.push(`${quoted}:${positions.map((p) => `${p.at}${p.weight === 'D' ? '' : p.weight}`).join(',')}`);
    }
    return out.join(' ');
  }
}

/** PostgreSQL's `tsvector || tsvector`. */
function concat(left: Vector, right: Vector): Vector {
  let shift = 0;
  for (const positions of left.values()) for (const p of positions) shift = Math.max(shift, p.at);
  const out: Vector = new Map(left);
  for (const [lexeme, positions] of right) {
    const list = [...(out.get(lexeme) ?? [])];
    for (const p of positions) {
      if (list.length >= MAX_POSITIONS || list.at(-1)?.at === MAX_POS) break;
      list.push({ at: Math.min(p.at + shift, MAX_POS), weight: p.weight });
    }
    out.set(lexeme, list);
  }
  return out;
}
