'use client';

import type { JSONContent } from '@tiptap/core';
import type { Editor } from '@tiptap/react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { addCommentAction, loadCommentsAction, setCommentResolvedAction, type CommentsResult } from '@/lib/actions/comments';
import type { CommentThread } from '@/lib/data/comments';

type Props = {
  storyId: string;
  initialThreads: CommentThread[];
  /** Changes when anyone comments, resolves or reopens (from the editor's heartbeat). */
  discussion?: string | null;
  editor: Editor | null;
  body: JSONContent;
  canComment: boolean;
  /** Anchoring a comment marks the text, which is an edit: only for people who may edit now. */
  canAnchor: boolean;
};

function anchoredIds(node: JSONContent, into = new Set<string>()): Set<string> {
  for (const mark of node.marks ?? []) if (mark.type === 'comment' && mark.attrs?.commentId) into.add(mark.attrs.commentId as string);
  for (const child of node.content ?? []) anchoredIds(child, into);
  return into;
}

/** Comment threads beside the editor: general or on a passage of the text; reply, resolve, reopen. */
export function CommentsPanel({ storyId, initialThreads, discussion = null, editor, body, canComment, canAnchor }: Props) {
  const [threads, setThreads] = useState(initialThreads);
  const [draft, setDraft] = useState('');
  const [target, setTarget] = useState<{ from: number; to: number; quote: string } | null>(null);
  const [replies, setReplies] = useState<Record<string, string>>({});
  const [message, setMessage] = useState('');
  const anchored = useMemo(() => anchoredIds(body), [body]);
  const seen = useRef(discussion);

  useEffect(() => {
    // The first fingerprint only says where we stand; a later, different one means news.
    if (discussion === null || seen.current === discussion) return;
    const first = seen.current === null;
    seen.current = discussion;
    if (first) return;
    let cancelled = false;
    void loadCommentsAction({ storyId }).then((result) => {
      if (!cancelled && result.ok) setThreads(result.threads);
    });
    return () => {
      cancelled = true;
    };
  }, [discussion, storyId]);

  const apply = (result: CommentsResult) => {
    if (!result.ok) {
      setMessage(result.message);
      return false;
    }
    setThreads(result.threads);
    setMessage('');
    return true;
  };

  const pickSelection = () => {
    if (!editor) return;
    const { from, to } = editor.state.selection;
    if (from === to) return setMessage('Select the text to comment on first.');
    setTarget({ from, to, quote: editor.state.doc.textBetween(from, to, ' ') });
    setMessage('');
  };

  const submit = async () => {
    const result = await addCommentAction({ storyId, body: draft, quote: target?.quote ?? '' });
    if (!apply(result) || !result.ok) return;
    if (target && result.id && editor) {
      editor.chain().setTextSelection({ from: target.from, to: target.to }).setMark('comment', { commentId: result.id }).run();
    }
    setDraft('');
    setTarget(null);
  };

  return (
    <section className="comments" aria-labelledby="comments-heading">
      <h2 id="comments-heading">Comments</h2>
      {canComment && (
        <div className="comment-new">
          {canAnchor && (
            <button type="button" className="btn btn-quiet" onMouseDown={(e) => e.preventDefault()} onClick={pickSelection}>
              Comment on selection
            </button>
          )}
          {target && <blockquote className="comment-quote">{target.quote}</blockquote>}
          <label htmlFor="new-comment">{target ? 'Comment on this passage' : 'New comment'}</label>
          <textarea id="new-comment" rows={3} value={draft} onChange={(e) => setDraft(e.target.value)} placeholder="Use @Name to notify someone" />
          <button type="button" className="btn" disabled={!draft.trim()} onClick={() => void submit()}>
            Add comment
          </button>
        </div>
      )}
      {message && (
        <p role="alert" className="field-error">
          {message}
        </p>
      )}
      <ol className="threads">
        {threads.map((thread) => {
          const detached = thread.quote !== '' && !anchored.has(thread.id);
          return (
            <li key={thread.id} className={thread.resolved ? 'thread resolved' : 'thread'} aria-label={`Comment by ${thread.author}`}>
              {thread.quote && <blockquote className="comment-quote">{thread.quote}</blockquote>}
              {detached && <p className="hint">Detached: the text it was on has been deleted.</p>}
              <p>
                <strong>{thread.author}</strong> {thread.body}
              </p>
              {thread.replies.map((r) => (
                <p key={r.id} className="reply">
                  <strong>{r.author}</strong> {r.body}
                </p>
              ))}
              {canComment && (
                <div className="thread-actions">
                  <label className="visually-hidden" htmlFor={`reply-${thread.id}`}>
                    Reply to {thread.author}
                  </label>
                  <input
                    id={`reply-${thread.id}`}
                    placeholder="Reply"
                    value={replies[thread.id] ?? ''}
                    onChange={(e) => setReplies({ ...replies, [thread.id]: e.target.value })}
                  />
                  <button
                    type="button"
                    className="btn btn-quiet"
                    disabled={!replies[thread.id]?.trim()}
                    onClick={async () => {
                      if (apply(await addCommentAction({ storyId, body: replies[thread.id], parentId: thread.id }))) setReplies({ ...replies, [thread.id]: '' });
                    }}
                  >
                    Reply
                  </button>
                  <button type="button" className="btn btn-quiet" onClick={async () => apply(await setCommentResolvedAction({ commentId: thread.id, resolved: !thread.resolved }))}>
                    {thread.resolved ? 'Reopen' : 'Resolve'}
                  </button>
                </div>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
