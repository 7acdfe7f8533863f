// The generated archive's copy: what a story says, and how long it is. A story keeps to its own few
// subjects and matters, as real copy does, so that a word is common in some stories and absent from
// most (what makes search realistic).

export type Random = () => number;

/** A small deterministic generator, so that two runs of the same size build comparable archives. */
export function rng(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

const SUBJECTS = ['The council', 'The ministry', 'Regional officials', 'The transit authority', 'Union leaders', 'The central bank', 'Residents', 'The opposition', 'Hospital administrators', 'The port authority', 'Investigators', 'The school board', 'Analysts', 'The mayor', 'Negotiators', 'Farmers'];
const VERBS = ['approved', 'rejected', 'delayed', 'questioned', 'announced', 'defended', 'reviewed', 'criticised', 'welcomed', 'proposed', 'extended', 'suspended'];
const OBJECTS = ['the budget for next year', 'a plan to expand the harbour', 'new rules on rental housing', 'the contract with the bus operators', 'a review of water prices', 'the merger of two districts', 'an inquiry into the delays', 'the agreement on fishing quotas', 'a proposal to cut emissions', 'the timetable for the election', 'the sale of the old hospital site', 'a programme of road repairs'];
const CLAUSES = ['after a long debate on Tuesday', 'despite objections from local businesses', 'according to documents seen by reporters', 'in a vote that split the chamber', 'weeks before the deadline', 'as costs continued to rise', 'following complaints from residents', 'in a statement released late on Friday', 'citing concerns about safety', 'for the second time this year'];
const QUOTES = ['“We have listened to every objection, and we believe this is the right decision,” a spokesperson said.', '“Nobody asked the people who will pay for it,” said one resident at the meeting.', '“The numbers simply do not add up,” an economist at the regional university said.', '“This is a first step, not the last one,” the chair told reporters.'];
export const TOPICS = ['Housing', 'Transport', 'Elections', 'Climate', 'Health', 'Schools', 'Trade', 'Energy', 'Courts', 'Policing', 'Budget', 'Labour', 'Fisheries', 'Tourism', 'Water', 'Diplomacy', 'Defence', 'Technology', 'Agriculture', 'Culture'];
export const PLACES = ['Harbourside', 'Northgate', 'Riverton', 'Eastfield', 'Old Town', 'Westmarch', 'Lakeview', 'Millbrook', 'Southport', 'Kingsbridge', 'Ashford', 'Highmoor'];
const GIVEN = ['Ana', 'Ben', 'Chloe', 'Dev', 'Elena', 'Farid', 'Grace', 'Hiro', 'Ines', 'Jonas', 'Kemi', 'Liam', 'Mina', 'Noah', 'Olga', 'Priya', 'Quentin', 'Rosa', 'Tomas', 'Yuki'];
const FAMILY = ['Alvarez', 'Brandt', 'Costa', 'Dubois', 'Eriksen', 'Fischer', 'Garcia', 'Haddad', 'Ivanova', 'Jensen', 'Kim', 'Lindqvist', 'Moreau', 'Nakamura', 'Okoro', 'Petrov', 'Rossi', 'Silva'];

export const authorName = (i: number) => `${GIVEN[i % GIVEN.length]} ${FAMILY[(i * 7) % FAMILY.length]}`;

/**
 * How many words a story runs to, as newspapers have them: most between 400 and 1,200 (log-normal
 * around 700), and one in 25 a long read of 2,000 to 6,000.
 */
export function storyLength(random: Random): number {
  if (random() < 0.04) return Math.round(2000 * Math.pow(3, random()));
  const normal = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  return Math.max(150, Math.round(700 * Math.exp(0.38 * normal)));
}

/** A sentence of a story's body: its text, that text escaped for a JSON string, and its words. */
export type Sentence = { text: string; json: string; words: number };

/** `sentences` are the paragraphs' sentences in order (the search vector is built from their texts). */
export type Copy = { headline: string; dek: string; paragraphs: Sentence[][]; sentences: string[]; words: number };

// The body's sentences come from a few tens of thousands of combinations. Each is written once and
// the same strings given to every story that uses it: the search vector's lexicon then finds a
// sentence by a hash the string already carries, instead of hashing a new copy of it per story,
// and the story's body and word count are put together from pieces already escaped and counted.
const said = (subject: number, verb: number, matter: number, clause: number) => ((subject * VERBS.length + verb) * OBJECTS.length + matter) * CLAUSES.length + clause;
const inPlace = (subject: number, place: number, verb: number, matter: number) => ((subject * PLACES.length + place) * VERBS.length + verb) * OBJECTS.length + matter;
const SAID = SUBJECTS.length * VERBS.length * OBJECTS.length * CLAUSES.length;
const IN_PLACE = SUBJECTS.length * PLACES.length * VERBS.length * OBJECTS.length;
const written: Sentence[] = [];
function sentence(key: number, write: () => string): Sentence {
  let found = written[key];
  if (!found) {
    const text = write();
    written[key] = found = { text, json: JSON.stringify(text).slice(1, -1), words: text.split(' ').length };
  }
  return found;
}

const index = (random: Random, length: number) => Math.floor(random() * length);

export function storyCopy(random: Random): Copy {
  const place = index(random, PLACES.length);
  const cast = [index(random, SUBJECTS.length), index(random, SUBJECTS.length)] as const;
  const matters = [index(random, OBJECTS.length), index(random, OBJECTS.length)] as const;
  const headline = `${PLACES[place]}: ${SUBJECTS[cast[0]]!.replace(/^The /, '')} ${pick(random, VERBS)} ${OBJECTS[matters[0]]}`;
  const dek = `${SUBJECTS[cast[1]]} ${pick(random, VERBS)} ${OBJECTS[matters[1]]} ${pick(random, CLAUSES)}.`;
  const target = storyLength(random);
  const paragraphs: Sentence[][] = [];
  const all: string[] = [];
  let words = 0;
  while (words < target) {
    const [s1, v1, m1, c1] = [pick(random, cast), index(random, VERBS.length), pick(random, matters), index(random, CLAUSES.length)];
    const [s2, v2, m2] = [pick(random, cast), index(random, VERBS.length), pick(random, matters)];
    const sentences = [
      sentence(said(s1, v1, m1, c1), () => `${SUBJECTS[s1]} ${VERBS[v1]} ${OBJECTS[m1]} ${CLAUSES[c1]}.`),
      sentence(SAID + inPlace(s2, place, v2, m2), () => `${SUBJECTS[s2]} in ${PLACES[place]} ${VERBS[v2]} ${OBJECTS[m2]}.`),
    ];
    if (random() < 0.3) {
      const quote = index(random, QUOTES.length);
      sentences.push(sentence(SAID + IN_PLACE + quote, () => QUOTES[quote]!));
    }
    for (const s of sentences) {
      all.push(s.text);
      words += s.words;
    }
    paragraphs.push(sentences);
  }
  return { headline, dek, paragraphs, sentences: all, words };
}
