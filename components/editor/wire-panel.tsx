'use client';

import type { Editor } from '@tiptap/core';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ParagraphChanges, Parts } from '@/components/story/paragraph-changes';
import { clearWireKillAction, markWireUpdateAppliedAction } from '@/lib/actions/wires';
import type { WireNotice } from '@/lib/data/wire-stories';
import type { Doc } from '@/lib/editor/schema';
import { wirePatch, type BlockEdit } from '@/lib/wire/update-patch';

// A story made from a wire item: the red "Wire kill" notice (an editor clears it with a reason),
// and "Wire update available" with the agency's changes and "Apply wire update". The update is
// made in the editor as one transaction: one undo takes it back, and with "Suggest edits" on it
// arrives as suggestions to accept or reject. Paragraphs the desk rewrote are left as they are.

/** Makes the edits in the editor, each one-for-one paragraph narrowed to the words that changed. */
function applyEdits(editor: Editor, edits: BlockEdit[]): void {
  const { state } = editor;
  const tr = state.tr;
  const starts: number[] = [];
  state.doc.forEach((_node, offset) => void starts.push(offset));
  const at = (index: number) => (index < starts.length ? starts[index]! : state.doc.content.size);
  for (const edit of [...edits].reverse()) {
    const nodes = edit.blocks.map((block) => state.schema.nodeFromJSON(block));
    const old = edit.to - edit.from === 1 ? state.doc.child(edit.from) : null;
    const next = nodes.length === 1 ? nodes[0]! : null;
    if (old && next && old.type === next.type && JSON.stringify(old.attrs) === JSON.stringify(next.attrs)) {
      const start = old.content.findDiffStart(next.content);
      const end = old.content.findDiffEnd(next.content);
      if (start === null || !end) continue;
      let { a: endA, b: endB } = end;
      const overlap = start - Math.min(endA, endB);
      if (overlap > 0) {
        endA += overlap;
        endB += overlap;
      }
      const inside = at(edit.from) + 1;
      tr.replace(inside + start, inside + endA, next.slice(start, endB));
      continue;
    }
    tr.replaceWith(at(edit.from), edit.to > edit.from ? at(edit.to) : at(edit.from), nodes);
  }
  if (tr.docChanged) editor.view.dispatch(tr);
}

type Props = { storyId: string; notice: WireNotice; editor: Editor | null; editable: boolean; canClearKill: boolean };

export function WirePanel({ storyId, notice, editor, editable, canClearKill }: Props) {
  const router = useRouter();
  const [message, setMessage] = useState('');
  const [conflicts, setConflicts] = useState<{ before: string; after: string }[]>([]);
  const [reason, setReason] = useState('');
  const [pending, setPending] = useState(false);
  const update = notice.update;

  const apply = async () => {
    if (!editor || !update) return;
    const patch = wirePatch(update.oldBody, update.newBody, editor.getJSON() as Doc);
    applyEdits(editor, patch.edits);
    setConflicts(patch.conflicts);
    const placed = `${patch.applied} change${patch.applied === 1 ? '' : 's'} from version ${update.toVersion} applied`;
    const left = patch.conflicts.length ? `; ${patch.conflicts.length} could not be placed because the desk rewrote those paragraphs (below)` : '';
    setPending(true);
    const result = await markWireUpdateAppliedAction({ storyId, version: update.toVersion, note: `${placed}${left}.` });
    setPending(false);
    setMessage(result.ok ? `${placed}${left}. One undo takes ${patch.applied === 1 ? 'it' : 'them'} back.` : result.message);
  };

  const clear = async () => {
    setPending(true);
    const result = await clearWireKillAction({ storyId, reason });
    setPending(false);
    if (!result.ok) return setMessage(result.message);
    setMessage('Wire kill cleared.');
    router.refresh();
  };

  return (
    <>
      <p className="muted wire-origin">
        From <a href={`/newsroom/wires/${notice.itemId}`}>{notice.source}’s wire item</a>
        {notice.version !== null ? `, version ${notice.version}` : ''}
        {notice.agencyByline ? `. Agency byline, shown after ours: ${notice.agencyByline}` : ''}.
      </p>
      {notice.killedAt && (
        <section className="notice notice-error wire-kill" role="alert" aria-label="Wire kill">
          <p>
            <strong>Wire kill.</strong> {notice.source} canceled the item this story was made from. It cannot be approved, scheduled or published until an editor clears the kill.
          </p>
          {canClearKill && (
            <div className="form-row">
              <div className="field">
                <label htmlFor="wire-kill-reason">Reason to go on</label>
                <input id="wire-kill-reason" value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} placeholder="Rewritten from our own reporting" />
              </div>
              <button type="button" className="btn" disabled={pending || !reason.trim()} onClick={() => void clear()}>
                Clear wire kill
              </button>
            </div>
          )}
        </section>
      )}
      {update && !notice.killedAt && (
        <section className="panel wire-update" aria-labelledby="wire-update-heading">
          <h2 id="wire-update-heading">Wire update available</h2>
          <p className="muted">
            {notice.source} sent version {update.toVersion}; this story was made from version {update.fromVersion}.
          </p>
          <details>
            <summary>What the agency changed</summary>
            {update.headline && (
              <p className="diff-text">
                <strong>Headline:</strong> <Parts parts={update.headline} />
              </p>
            )}
            <div className="diff">
              <ParagraphChanges paragraphs={update.paragraphs} />
            </div>
          </details>
          {editable && (
            <div className="form-actions">
              <button type="button" className="btn btn-primary" disabled={pending || !editor} onClick={() => void apply()}>
                Apply wire update
              </button>
            </div>
          )}
        </section>
      )}
      {message && (
        <p role="status" className="notice">
          {message}
        </p>
      )}
      {conflicts.length > 0 && (
        <section className="panel wire-conflicts" aria-label="Wire changes not placed">
          <h2>Not placed: the desk rewrote these paragraphs</h2>
          <ol>
            {conflicts.map((c, i) => (
              <li key={i}>
                <del>{c.before || '(new paragraph)'}</del> <ins>{c.after || '(removed)'}</ins>
              </li>
            ))}
          </ol>
        </section>
      )}
    </>
  );
}
