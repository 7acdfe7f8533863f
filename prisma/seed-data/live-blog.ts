import type { DemoStory } from './stories';

// The demo's live blog: the day of the Lima summit, told as it happened (16 Nov 2024, Lima is
// UTC−5). Written for the demo newsroom; coverage ended that night. One entry was corrected after
// it went out, one is the day's key event and one is pinned under the summary.

export type DemoEntry = {
  /** Minutes after 13:00 UTC (08:00 in Lima). */
  at: number;
  by: string;
  headline?: string;
  paragraphs: readonly string[];
  keyEvent?: boolean;
  pinned?: boolean;
  /** Minutes after it went out that it was corrected. */
  correctedAfter?: number;
};

export const LIVE_BLOG_DAY = '2024-11-16T13:00:00.000Z';

export const DEMO_LIVE_BLOG: DemoStory = {
  slug: 'lima-summit-day-live',
  headline: 'Lima summit day: Yoon and Ishiba meet on the sidelines of APEC, as it happened',
  dek: 'Updates from Lima as the leaders of South Korea and Japan held their second meeting in a month.',
  section: 'world',
  status: 'PUBLISHED',
  authors: ['editor@example.com', 'reporter@example.com'],
  creator: 'editor@example.com',
  tags: ['Japan', 'South Korea', 'Diplomacy'],
  dateline: 'LIMA',
  publishedAt: LIVE_BLOG_DAY,
  paragraphs: [
    'President Yoon Suk-yeol and Prime Minister Shigeru Ishiba met for about 50 minutes at a hotel in Lima, their second summit since Ishiba took office.',
    'Both leaders voiced strong concern over North Korean troops sent to Russia and agreed to keep a unified message to Pyongyang.',
    'They pledged to keep developing the three-way cooperation with the United States after the change of administration in Washington.',
    'Next year marks the 60th anniversary of diplomatic relations between the two countries.',
  ],
  live: {
    coverageEndedAt: '2024-11-17T03:40:00.000Z',
    entries: [
      {
        at: 0,
        by: 'reporter@example.com',
        headline: 'Good morning from Lima',
        paragraphs: ['Leaders of the 21 APEC economies are arriving at the convention centre for the second day of the summit. South Korea’s and Japan’s delegations say their leaders will meet on the sidelines later today.'],
      },
      {
        at: 95,
        by: 'reporter@example.com',
        paragraphs: ['Officials on both sides expect North Korea’s deployment of troops to Russia to dominate the meeting. It is the leaders’ second in about a month, after talks in Laos in October.'],
        correctedAfter: 20,
      },
      {
        at: 210,
        by: 'editor@example.com',
        headline: 'The meeting has begun',
        paragraphs: ['Yoon and Ishiba shook hands in front of the two flags at the hotel and sat down with their delegations.', 'Yoon told the prime minister that close cooperation between their countries is “more important than ever.”'],
      },
      {
        at: 265,
        by: 'reporter@example.com',
        headline: 'Leaders voice strong concern over North Korean troops in Russia',
        paragraphs: ['The presidential office says the two leaders expressed strong concern over military cooperation between North Korea and Russia, including the deployment of troops, and agreed to work more closely so that the international community sends a unified message to Pyongyang.'],
        keyEvent: true,
        pinned: true,
      },
      {
        at: 300,
        by: 'reporter@example.com',
        paragraphs: ['The meeting lasted about 50 minutes. Ishiba described the security situation around the two countries as “grave.”'],
      },
      {
        at: 420,
        by: 'editor@example.com',
        headline: 'Looking ahead to the anniversary',
        paragraphs: ['Ishiba noted that next year marks the 60th anniversary of the normalisation of relations and said he hoped the two leaders could make it a year that moves relations forward.'],
      },
      {
        at: 880,
        by: 'editor@example.com',
        headline: 'That is all from Lima tonight',
        paragraphs: ['Our full report on the summit is on the World page. Thank you for following along.'],
      },
    ],
  },
};
