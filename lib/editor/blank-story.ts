// The fields of a new, empty story: shared by the editor (a story not yet saved) and the budget
// (Start story), so both start from the same thing.

/** A story with nothing in it yet but its byline (and, when known, its section): one empty paragraph. */
export function blankStory(bylineId: string, sectionId: string | null = null) {
  return {
    headline: '',
    dek: '',
    slug: '',
    sectionId,
    tags: [] as string[],
    bylineIds: [bylineId],
    creditLine: '',
    dateline: '',
    seoTitle: '',
    seoDescription: '',
    featuredImageId: null as string | null,
    body: { type: 'doc' as const, content: [{ type: 'paragraph' as const }] },
  };
}
