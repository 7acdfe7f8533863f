import type { Mark, Node } from '@tiptap/pm/model';
import { Transform } from '@tiptap/pm/transform';

// Marks the schema does not allow together can meet when edits are merged: written together, a
// letter one person types inside a range another has just marked for deletion takes that mark as
// well as its own insertion mark. Each editor, and the server when it stores the body, settles
// such text the same way, so that everyone ends with the same valid document: of two marks that
// exclude each other, the one the schema ranks first stays (an insertion over a deletion: nothing
// anyone typed disappears without someone deciding).

/** The marks of `marks` to drop: each one that excludes, or is excluded by, a mark before it. */
function excess(marks: readonly Mark[]): Mark[] {
  const kept: Mark[] = [];
  const dropped: Mark[] = [];
  for (const mark of marks) {
    if (kept.some((k) => k.type.excludes(mark.type) || mark.type.excludes(k.type))) dropped.push(mark);
    else kept.push(mark);
  }
  return dropped;
}

/** The marks to remove from the document's text, where they came together with one they exclude. */
export function conflictingMarks(doc: Node): { from: number; to: number; mark: Mark }[] {
  const found: { from: number; to: number; mark: Mark }[] = [];
  doc.descendants((node, pos) => {
    if (node.isText && node.marks.length > 1) for (const mark of excess(node.marks)) found.push({ from: pos, to: pos + node.nodeSize, mark });
    return true;
  });
  return found;
}

/** Removes the conflicting marks with `transform` (a transaction in the editor, a Transform on the server). */
export function settleMarks<T extends Transform>(transform: T): T {
  for (const { from, to, mark } of conflictingMarks(transform.doc)) transform.removeMark(from, to, mark);
  return transform;
}

/** The document with its conflicting marks settled. */
export function withSettledMarks(doc: Node): Node {
  return settleMarks(new Transform(doc)).doc;
}
