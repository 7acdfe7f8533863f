import type { DemoEntry } from './live-blog';
import { SUMMIT_PARAGRAPHS } from './summit';

export type DemoStory = {
  slug: string;
  headline: string;
  dek: string;
  section: string;
  status: 'DRAFT' | 'IN_REVIEW' | 'CHANGES_REQUESTED' | 'PUBLISHED';
  authors: string[]; // emails, in byline order
  creator: string;
  tags: string[];
  creditLine?: string;
  dateline?: string;
  publishedAt?: string;
  paragraphs: readonly string[];
  /** An illustration the seed draws for it (prisma/seed-images.ts). */
  image?: 'politics' | 'world' | 'business';
  /** A live blog: its body is the summary above these entries. */
  live?: { coverageEndedAt: string; entries: readonly DemoEntry[] };
};

export const DEMO_STORIES: DemoStory[] = [
  {
    slug: 'yoon-ishiba-second-summit-lima',
    headline: 'Yoon and Ishiba hold second summit in Lima, voice concern over North Korean troops in Russia',
    dek: 'Meeting on the sidelines of APEC, the two leaders pledged closer cooperation between Japan and South Korea as the regional security situation shifts.',
    section: 'world',
    status: 'PUBLISHED',
    authors: ['lee.jonyoung@diplomacy-journal.example'],
    creator: 'editor@example.com',
    tags: ['North Korea', 'Japan', 'South Korea', 'Diplomacy'],
    creditLine: 'Diplomacy Journal',
    dateline: 'LIMA',
    publishedAt: '2024-11-16T22:30:00.000Z',
    image: 'world',
    paragraphs: SUMMIT_PARAGRAPHS,
  },
  {
    slug: 'central-bank-holds-rates-steady',
    headline: 'Central bank holds rates steady as inflation cools for a third month',
    dek: 'Policymakers signalled that cuts remain possible next year if wage growth slows.',
    section: 'business',
    status: 'PUBLISHED',
    authors: ['reporter2@example.com', 'reporter@example.com'],
    creator: 'reporter2@example.com',
    tags: ['Economy', 'Interest rates'],
    publishedAt: '2024-11-14T09:00:00.000Z',
    image: 'business',
    paragraphs: [
      'The central bank kept its benchmark rate unchanged on Thursday, saying inflation had eased for a third consecutive month but remained above its target.',
      '“We are not yet in a position to declare victory,” the governor told reporters, adding that the board would watch wage settlements closely over the winter.',
      'Markets had largely expected the decision. Bond yields were little changed after the announcement.',
    ],
  },
  {
    slug: 'council-delays-transit-budget-vote',
    headline: 'City council delays vote on transit budget after late amendments',
    dek: 'Members asked for two more weeks to study changes to bus route funding.',
    section: 'politics',
    status: 'DRAFT',
    authors: ['reporter@example.com'],
    creator: 'reporter@example.com',
    tags: ['City council', 'Transport'],
    paragraphs: [
      'The city council postponed a vote on next year’s transit budget on Tuesday after three late amendments reshuffled funding for suburban bus routes.',
      'Council members said they needed time to study the changes before committing to the plan.',
    ],
  },
  {
    slug: 'port-strike-second-week',
    headline: 'Port strike enters second week as talks stall',
    dek: 'Dockworkers and operators remain apart on automation and overtime pay.',
    section: 'business',
    status: 'IN_REVIEW',
    authors: ['reporter2@example.com'],
    creator: 'reporter2@example.com',
    tags: ['Labour', 'Shipping'],
    paragraphs: [
      'A strike at the country’s largest container port entered its second week on Monday, with no new talks scheduled between the union and terminal operators.',
      'Shipping lines have begun diverting vessels to smaller ports along the coast.',
    ],
  },
  {
    slug: 'newsrooms-should-publish-corrections',
    headline: 'Why every newsroom should publish its corrections in one place',
    dek: 'Owning mistakes openly is how readers learn to trust what we get right.',
    section: 'opinion',
    status: 'CHANGES_REQUESTED',
    authors: ['reporter@example.com'],
    creator: 'reporter@example.com',
    tags: ['Media', 'Trust'],
    paragraphs: [
      'Every newsroom makes mistakes. The ones readers trust are the ones that say so, clearly and in public.',
      'A single corrections page, linked from every article, costs little and says a great deal.',
    ],
  },
];
