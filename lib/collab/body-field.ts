/** The fragment of a story's shared document that holds its body (Tiptap Collaboration's default field). */
export const BODY_FIELD = 'default';
