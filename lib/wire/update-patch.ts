import { diffArrays } from 'diff';
import { toPlainText } from '@/lib/editor/plain-text';
import type { Block, Doc } from '@/lib/editor/schema';

// Applying an agency's newer version to a story made from an older one, without undoing the
// desk's own edits: the changes between the two wire versions (paragraph by paragraph) are
// carried over to the story where the story still has the agency's old paragraphs as they were.
// A change to a paragraph the desk rewrote is not placed; it is reported, for a person to merge.

export type BlockEdit = { from: number; to: number; blocks: Block[] };
export type WirePatch = { edits: BlockEdit[]; applied: number; conflicts: { before: string; after: string }[] };

const key = (block: Block) => `${block.type}\u0000${toPlainText({ type: 'doc', content: [block] }).trim()}`;

function findRun(haystack: string[], needle: string[], from: number): number {
  for (let i = from; i + needle.length <= haystack.length; i++) {
    if (needle.every((k, j) => haystack[i + j] === k)) return i;
  }
  return -1;
}

/**
 * The edits (top-level block ranges of `current`, in order, not overlapping) that carry the
 * change from `oldWire` to `newWire` into `current`.
 */
export function wirePatch(oldWire: Doc, newWire: Doc, current: Doc): WirePatch {
  const oldKeys = oldWire.content.map(key);
  const newKeys = newWire.content.map(key);
  const curKeys = current.content.map(key);
  const edits: BlockEdit[] = [];
  const conflicts: WirePatch['conflicts'] = [];
  let oldIndex = 0;
  let newIndex = 0;
  let cursor = 0; // where in `current` the next hunk may start
  let lastCommon: string | null = null;
  const changes = diffArrays(oldKeys, newKeys);
  for (let c = 0; c < changes.length; c++) {
    const change = changes[c]!;
    if (!change.added && !change.removed) {
      oldIndex += change.count ?? change.value.length;
      newIndex += change.count ?? change.value.length;
      lastCommon = change.value.at(-1) ?? lastCommon;
      continue;
    }
    // A hunk: removed old blocks, then (possibly) added new ones.
    const removed = change.removed ? change.value : [];
    const next = change.removed ? changes[c + 1] : undefined;
    const addedChange = change.added ? change : next?.added ? next : undefined;
    if (addedChange && addedChange !== change) c++;
    const added = addedChange ? newWire.content.slice(newIndex, newIndex + addedChange.value.length) : [];
    oldIndex += removed.length;
    newIndex += added.length;
    const describe = () => ({ before: removed.map((k) => k.split('\u0000')[1]).join('\n\n'), after: added.map((b) => key(b).split('\u0000')[1]).join('\n\n') });
    let at: number;
    if (removed.length) {
      at = findRun(curKeys, removed, cursor);
    } else {
      // A pure insertion goes after the paragraph it followed in the agency's text or, if the desk
      // rewrote that one, before the paragraph it preceded.
      const after = lastCommon === null ? -1 : curKeys.indexOf(lastCommon, cursor);
      const nextCommon = oldKeys[oldIndex];
      const before = nextCommon === undefined ? curKeys.length : curKeys.indexOf(nextCommon, cursor);
      at = after >= 0 ? after + 1 : before >= 0 && (lastCommon === null || nextCommon !== undefined) ? before : lastCommon === null ? 0 : -1;
    }
    if (at < 0) {
      conflicts.push(describe());
      continue;
    }
    edits.push({ from: at, to: at + removed.length, blocks: added });
    cursor = at + removed.length;
  }
  return { edits, applied: edits.length, conflicts };
}

/** The story with the edits made (what the editor's transaction produces, for the server and tests). */
export function applyBlockEdits(current: Doc, edits: BlockEdit[]): Doc {
  const content = [...current.content];
  for (const edit of [...edits].reverse()) content.splice(edit.from, edit.to - edit.from, ...edit.blocks);
  return { type: 'doc', content: content.length ? content : [{ type: 'paragraph' }] };
}
