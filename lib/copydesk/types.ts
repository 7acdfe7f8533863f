// The copy desk's vocabulary: what a style rule finds, how severe it is, and the settings admins
// edit at /newsroom/settings/style. Pure data, shared by the editor (live checks) and the server
// (the gate in every workflow transition).

export const RULE_IDS = [
  'quote-wrong-opening',
  'quote-unbalanced',
  'quote-straight',
  'name-variant',
  'doubled-word',
  'space-before-punctuation',
  'number-style',
  'date-style',
  'flagged-term',
  'attribution',
  'headline-length',
  'empty-dek',
  'image-alt',
] as const;
export type RuleId = (typeof RULE_IDS)[number];
export type Severity = 'error' | 'warning';
export type RuleSetting = Severity | 'off';

export const RULE_LABELS: Record<RuleId, string> = {
  'quote-wrong-opening': 'A quotation opened with a closing mark',
  'quote-unbalanced': 'A quotation not closed, or closed without opening',
  'quote-straight': 'Straight quotation marks and apostrophes (the house style is curly)',
  'name-variant': 'A name spelled two ways, or unlike the newsroom’s name list',
  'doubled-word': 'The same word twice in a row',
  'space-before-punctuation': 'A space before punctuation',
  'number-style': 'Numbers under 10 as figures (AP: spell them out)',
  'date-style': 'Month names with dates (AP: Jan., Feb., Aug., Sept., Oct., Nov., Dec.)',
  'flagged-term': 'Terms on the newsroom’s flagged list',
  'attribution': 'A direct quotation with no attribution verb nearby',
  'headline-length': 'A headline longer than its section allows',
  'empty-dek': 'No dek',
  'image-alt': 'An image without alt text',
};

export type Field = 'body' | 'headline' | 'dek';

/** One finding. Body ranges are ProseMirror positions; headline and dek ranges are string offsets. */
export type Finding = {
  key: string;
  rule: RuleId;
  severity: Severity;
  message: string;
  field: Field;
  from: number;
  to: number;
  excerpt: string;
  /** Exactly the text from..to covers, so that a Fix applied to a changed text can tell. */
  match: string;
  fix?: { label: string; replacement: string };
};

export type RawFinding = Omit<Finding, 'key' | 'severity' | 'match'>;

export type FlaggedTerm = { term: string; preferred: string };

export type StyleSettings = {
  rules: Record<RuleId, RuleSetting>;
  /** People's names as the newsroom spells them. */
  names: string[];
  terms: FlaggedTerm[];
  numbers: 'ap' | 'off';
  /** Headline length limits in characters, by section slug; `default` for the rest. */
  headlineLimits: Record<string, number>;
};

export const DEFAULT_STYLE: StyleSettings = {
  rules: {
    'quote-wrong-opening': 'error',
    'quote-unbalanced': 'warning',
    'quote-straight': 'warning',
    'name-variant': 'warning',
    'doubled-word': 'warning',
    'space-before-punctuation': 'warning',
    'number-style': 'warning',
    'date-style': 'warning',
    'flagged-term': 'warning',
    attribution: 'warning',
    'headline-length': 'warning',
    'empty-dek': 'warning',
    'image-alt': 'warning',
  },
  names: ['Yoon Suk Yeol', 'Shigeru Ishiba', 'Lee Jae-myung', 'Kim Jong Un', 'Xi Jinping', 'Vladimir Putin', 'Donald Trump'],
  terms: [
    { term: 'utilize', preferred: 'use' },
    { term: 'in order to', preferred: 'to' },
    { term: 'very unique', preferred: 'unique' },
    { term: 'commit suicide', preferred: 'die by suicide' },
    { term: 'illegal immigrant', preferred: 'immigrant living in the country illegally' },
  ],
  numbers: 'ap',
  headlineLimits: { default: 110 },
};

/** A text the rules read: a body block (positions run on from `start`) or a field. */
export type Segment = { field: Field; text: string; start: number; block: number };

export type CheckInput = {
  segments: Segment[];
  images: { pos: number; alt: string }[];
  headline: string;
  dek: string;
  section: string | null;
  settings: StyleSettings;
};

export type Rule = (input: CheckInput) => RawFinding[];
