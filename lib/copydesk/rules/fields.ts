import type { CheckInput, Rule, Segment } from '../types';

// Rules about the story's fields rather than its sentences, and the one list of texts the
// sentence rules read: the body's blocks, the headline and the dek.

export function textSegments(input: CheckInput): Segment[] {
  return [
    { field: 'headline', text: input.headline, start: 0, block: -1 },
    { field: 'dek', text: input.dek, start: 0, block: -1 },
    ...input.segments,
  ];
}

export const headlineLength: Rule = ({ headline, section, settings }) => {
  const limit = (section && settings.headlineLimits[section]) || settings.headlineLimits.default;
  if (!limit || headline.length <= limit) return [];
  return [{ rule: 'headline-length', message: `The headline is ${headline.length} characters; this section allows ${limit}.`, field: 'headline', from: limit, to: headline.length, excerpt: headline.slice(limit) }];
};

export const emptyDek: Rule = ({ dek }) => (dek.trim() ? [] : [{ rule: 'empty-dek', message: 'The story has no dek.', field: 'dek', from: 0, to: 0, excerpt: '' }]);

export const imageAlt: Rule = ({ images }) =>
  images.filter((i) => !i.alt.trim()).map((i) => ({ rule: 'image-alt' as const, message: 'This image has no alt text.', field: 'body' as const, from: i.pos, to: i.pos + 1, excerpt: '[image]' }));
