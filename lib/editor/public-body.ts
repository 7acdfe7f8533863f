import type { Block, Doc, Inline } from './schema';
import { withoutSuggestions } from './suggestion-text';

// The body as it may leave the data layer for readers, feeds, the API and previews: open
// suggestions taken out as if rejected, and comment anchors (newsroom-only: their ids point at
// discussions readers must not learn of) dropped. Renderers drop them too; this makes sure nothing
// built from the JSON itself (the API's `body`, ninjs, search snippets) carries them.

type Marked = { marks?: { type: string }[] };

function withoutComments<T extends Marked>(node: T): T {
  if (!node.marks?.some((m) => m.type === 'comment')) return node;
  const marks = node.marks.filter((m) => m.type !== 'comment');
  const { marks: _dropped, ...rest } = node;
  return (marks.length ? { ...rest, marks } : rest) as T;
}

function walk<T extends Block | Inline>(node: T): T {
  const bare = withoutComments(node as T & Marked);
  const content = (bare as { content?: (Block | Inline)[] }).content;
  return (content ? { ...bare, content: content.map(walk) } : bare) as T;
}

export function publicBody(doc: Doc): Doc {
  const clean = withoutSuggestions(doc);
  return { ...clean, content: clean.content.map(walk) };
}
