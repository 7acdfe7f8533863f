/** The fragment of a story's shared document that holds its body (Tiptap Collaboration's default field). */
export const BODY_FIELD = 'default';

/**
 * The story's one-line text fields, written together like the body: each is a Y.Text of that name
 * in the shared document. The rest of the metadata (section, tags, bylines, slug, images) is
 * chosen rather than typed and stays with the version-checked save.
 */
export const TEXT_FIELDS = ['headline', 'dek', 'seoTitle', 'seoDescription', 'creditLine', 'dateline'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];
export type TextFields = Record<TextField, string>;

export const isTextField = (key: string): key is TextField => (TEXT_FIELDS as readonly string[]).includes(key);
