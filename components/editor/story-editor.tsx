'use client';

import { EditorContent, useEditor } from '@tiptap/react';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Editor } from '@tiptap/core';
import { storyExtensions } from '@/lib/editor/extensions';
import { countWords, toPlainText } from '@/lib/editor/plain-text';
import type { CommentThread } from '@/lib/data/comments';
import { CommentsPanel } from './comments-panel';
import { ConflictPanel } from './conflict-panel';
import { ImagePicker, type PickedImage } from './image-picker';
import { setLocalCopyOwner } from './local-copy';
import { StrandedText } from './stranded-text';
import { MetadataPanel } from './metadata-panel';
import { HeadlineFields } from './headline-fields';
import { Toolbar } from './toolbar';
import { draftOf, type ServerStory, type StoryDraft } from './types';
import { useAutosave } from './use-autosave';
import { useBodySync } from './use-body-sync';
import { useStoryDraft } from './use-story-draft';
import { EditorBar } from './editor-bar';
import { WorkflowBar } from './workflow-bar';
import type { StoryAbilities } from '@/lib/data/story-abilities';
import { FindReplace } from '@/lib/editor/find-replace';
import type { Doc } from '@/lib/editor/schema';
import { StyleHighlights } from '@/lib/editor/style-highlights';
import { SuggestChanges } from '@/lib/editor/suggestions';
import { SuggestionsPanel } from './suggestions-panel';
import { StyleChecks, type CopyDesk } from './style-checks';
import { pasteTransforms } from './paste-transforms';
import { blankStory } from '@/lib/editor/blank-story';
import { EmbedDialog } from './embed-dialog';
import { withEmbedCards } from './embed-view';
import { useEmbeds } from './use-embeds';
import { WirePanel } from './wire-panel';
import { undoRestore, useSharedDoc, type SharedDoc, type SharedState } from './use-shared-doc';
import { useSharedFields } from './use-shared-fields';
import { useSaveHost } from './use-save-host';
import { useJoinShared } from './use-join-shared';
import { EditorNotices } from './editor-notices';
import { takeUpLocalCopy } from './take-up-local-copy';
import { colourFor, combinedState, sharedBodyExtensions, suggestionIds, untilSent } from './shared-editing';
import type { WireNotice } from '@/lib/data/wire-stories';

type Props = {
  story: ServerStory | null;
  threads?: CommentThread[];
  /** What the viewer may do with the story (its workflow steps, comments, the pre-publish checklist). */
  abilities?: StoryAbilities;
  timeZone?: string;
  scheduledFor?: string | null;
  viewerId: string;
  sections: { id: string; name: string; slug: string }[];
  people: { id: string; name: string }[];
  copydesk: CopyDesk;
  /** A new story's format: New live blog creates a live blog with its first save. */
  format?: 'STORY' | 'LIVE';
  /** The wire item the story was made from: a kill, or a newer version on offer. */
  wire?: { notice: WireNotice; canClearKill: boolean } | null;
  /** Whether the body is written together, in the story's shared document (lib/collab). */
  collaborate?: boolean;
  /** A panel the page puts first in the side column (the story's Legal panel). */
  sidePanel?: ReactNode;
};

type ViewProps = Props & {
  /** The shared document the body is bound to, once it has synced. */
  shared?: SharedDoc | null;
  sharedState?: SharedState | null;
  /** A new story's shared document, connected after its first save (`onCreatedId`): joined once caught up (use-join-shared.ts). */
  joinable?: SharedDoc | null;
  joinableState?: SharedState | null;
  onCreatedId?: (id: string) => void;
  /** Connecting to the shared document: the body is shown but not yet editable. */
  waiting?: boolean;
  /** Why the body is not written together although the story would be. */
  alone?: string | null;
};

/**
 * The story editor. A story written together binds its body to the shared document once that has
 * synced; until then the body is shown read-only, and if the connection cannot be made the editor
 * saves the usual way (version-checked autosave) and says so.
 */
export function StoryEditor(props: Props) {
  const [createdId, setCreatedId] = useState<string | null>(null);
  // A new live blog goes to its story page after the first save; a new story stays on this one.
  const id = props.collaborate === true ? (props.story?.id ?? (props.format === 'LIVE' ? null : createdId)) : null;
  const { doc, state } = useSharedDoc(id, props.viewerId, { name: props.copydesk.viewerName, color: colourFor(props.viewerId) });
  if (!id) return <StoryEditorView {...props} onCreatedId={setCreatedId} />;
  // A new story is written alone until its document has caught up, then joins it without a reload.
  if (!props.story) return <StoryEditorView {...props} joinable={doc && state.kind === 'ready' ? doc : null} joinableState={state} />;
  // One view throughout: what is typed meanwhile stays; only the body's editor is made anew.
  if (doc && state.kind === 'ready') return <StoryEditorView {...props} shared={doc} sharedState={state} />;
  if (state.kind === 'unavailable') return <StoryEditorView {...props} alone={`Writing together is unavailable (${state.reason}); your changes are saved the usual way.`} />;
  return <StoryEditorView {...props} waiting />;
}

function StoryEditorView({ story, threads = [], abilities: initialAbilities, timeZone = 'UTC', scheduledFor = null, viewerId, sections, people, copydesk, format = 'STORY', wire = null, sidePanel = null, shared: sharedDoc = null, sharedState: docState = null, joinable = null, joinableState = null, onCreatedId, waiting = false, alone = null }: ViewProps) {
  // Unsaved text in this browser belongs to the person signed in (lib: local-copy.ts).
  if (typeof window !== 'undefined') setLocalCopyOwner(viewerId);
  const autosave = useAutosave({ id: story?.id ?? null, version: story?.version ?? 0, docSeq: story?.docSeq ?? 0 }, format);
  const { draft, update, replace, patch, forSaving, slugAssigned } = useStoryDraft(() => (story ? draftOf(story) : blankStory(viewerId)), {
    slugLocked: !!story?.slugLocked,
    slugChosen: story !== null,
    onChange: autosave.markDirty,
  });
  const editorRef = useRef<Editor | null>(null);
  const join = useJoinShared({ joinable, editor: editorRef, saveState: autosave.state, draft: forSaving, onJoin: autosave.joinShared });
  const shared = sharedDoc ?? join.joined;
  const sharedState = docState ?? (join.joined ? joinableState : null);
  const readOnlyShare = sharedState?.kind === 'ready' && sharedState.readOnly;
  // The shared document reaches the editor a moment after it is made (y-prosemirror draws it on
  // its first render): until then the body is empty, and nothing may be typed or applied into it.
  const [drawn, setDrawn] = useState<SharedDoc | null>(null);
  const mayEdit = (story ? story.canEdit : true) && !waiting && !readOnlyShare;
  const editable = mayEdit && (!shared || drawn === shared);
  const [stranded, setStranded] = useState<{ draft: StoryDraft; movedOn: boolean } | null>(null);
  const router = useRouter();
  // Refused because the story left this person's hands: show it as it now stands. The editor comes
  // back read-only and offers the text kept on this device (onCreate below).
  const strandedNow = autosave.state.kind === 'error' && autosave.state.stranded === true;
  useEffect(() => {
    if (strandedNow) router.refresh();
  }, [strandedNow, router]);
  const [picker, setPicker] = useState<null | 'body' | 'featured'>(null);
  const [featured, setFeatured] = useState(story?.featuredImage ?? null);
  // The discussion's fingerprint from the presence heartbeat: when it moves, comments reload.
  const [discussion, setDiscussion] = useState<string | null>(null);
  const [storyId, setStoryId] = useState(story?.id ?? null);
  const [pasteNotice, setPasteNotice] = useState<string | null>(null);
  const embeds = useEmbeds();
  const [embedding, setEmbedding] = useState(false);
  // What the story page offers (workflow steps, comments). A new story gets them from the server
  // after its first save, so the page it becomes needs no reload.
  const [abilities, setAbilities] = useState<StoryAbilities | null>(story ? (initialAbilities ?? null) : null);

  const bodyName = format === 'LIVE' ? 'Summary' : 'Story body'; // a live blog's body: the key points above its entries
  const editor = useEditor({
    extensions: [
      ...withEmbedCards(storyExtensions({ shared: !!shared })),
      FindReplace,
      StyleHighlights,
      SuggestChanges.configure({ author: copydesk.viewerName, generateId: shared ? suggestionIds(shared.ydoc) : null }),
      ...(shared
        ? sharedBodyExtensions(shared, { name: copydesk.viewerName, color: colourFor(viewerId) }, () => setDrawn(shared))
        : []),
    ],
    // Written together, the content is the shared document's.
    ...(shared ? {} : { content: draft.body }),
    editable,
    immediatelyRender: false,
    editorProps: {
      // Connecting, the text is shown to read, not a box to click into (a caret would not carry over).
      attributes: waiting ? { role: 'document', 'aria-label': `${bodyName} (connecting)`, class: 'story-body' } : { role: 'textbox', 'aria-label': bodyName, 'aria-multiline': 'true', class: 'story-body' },
      // An address pasted alone on an empty line becomes an embed (use-embeds.ts).
      handlePaste: (view, event) => embeds.handlePaste(view, event),
      ...pasteTransforms(setPasteNotice),
    },
    // A key press only notes that the body changed: reading a long document into the draft (and
    // the word count and checks) waits until typing pauses; a save reads it at once. Written
    // together, the body is the shared document's to save.
    onUpdate: () => {
      if (!shared) autosave.markDirty();
      bodyChanged();
    },
    onTransaction: ({ editor: e, transaction }) => {
      if (!shared) join.noteAlone(e.state, transaction.docChanged);
    },
    // Work that never reached the server (offline, crash, closed tab) comes back once the editor
    // exists (localStorage is there only in the browser). The shared document keeps its own.
    onCreate: ({ editor: e }) => {
      if (waiting) return;
      takeUpLocalCopy(e, { story, ydoc: shared?.ydoc ?? null, editable: mayEdit, replace, strand: (kept, movedOn) => setStranded({ draft: kept, movedOn }), markDirty: autosave.markDirty, showConflict: autosave.showConflict });
    },
  }, [shared, waiting]);

  const { syncBody, bodyChanged } = useBodySync(editor, patch);
  // Joined from editing alone: what was typed since the check comes along (before the fields bind below).
  const { carryOver } = join;
  useEffect(() => void (editor && shared && drawn === shared && carryOver(editor, forSaving())), [editor, shared, drawn, carryOver, forSaving]);
  const { setEditor: setEmbedEditor } = embeds;
  useEffect(() => {
    editorRef.current = editor;
    setEmbedEditor(editor);
  }, [editor, setEmbedEditor]);
  // The save loop reads the draft and reports back through the editor's latest callbacks.
  const created = useCallback((id: string) => {
    setStoryId(id);
    onCreatedId?.(id);
  }, [onCreatedId]);
  useSaveHost({ setHost: autosave.setHost, editor, shared, format, draft: { forSaving, replace, slugAssigned, syncBody }, created, setAbilities });
  // Written together, what is typed in a text field goes into the shared document; the rest of a
  // change (chosen metadata) to the save loop.
  const writeShared = useSharedFields(shared && drawn === shared ? shared.ydoc : null, patch);
  const change = useCallback((next: Partial<StoryDraft>) => {
    const rest = writeShared(next);
    if (Object.keys(rest).length > 0) update(rest);
  }, [writeShared, update]);

  const words = useMemo(() => (draft.body ? countWords(toPlainText(draft.body as Doc)) : 0), [draft.body]);
  const section = sections.find((x) => x.id === draft.sectionId)?.slug ?? null;
  const styleText = useMemo(() => ({ headline: draft.headline, dek: draft.dek, body: draft.body as Doc, section }), [draft.headline, draft.dek, draft.body, section]);
  const state = shared && sharedState?.kind === 'ready' ? combinedState(autosave.state, sharedState) : autosave.state;
  // Rights can change while the page is open (the shared document turned read-only): no update
  // event, which would count as an edit.
  useEffect(() => {
    if (editor && editor.isEditable !== editable) editor.setEditable(editable, false);
  }, [editor, editable]);
  // Leaving with edits the server has not stored yet asks first, as the save loop does for its own.
  const unstored = sharedState?.kind === 'ready' && !sharedState.stored;
  useEffect(() => {
    if (!unstored) return;
    const ask = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [unstored]);
  // Written together, a flush or a checkpoint first waits until the server has every edit made here.
  const { flush: loopFlush, save: loopSave } = autosave;
  const flush = useMemo(() => (shared ? async () => ((await untilSent(shared)) ? loopFlush() : null) : loopFlush), [shared, loopFlush]);
  const save = useCallback(async (kind: 'manual', label: string) => void ((!shared || (await untilSent(shared))) && (await loopSave(kind, label))), [shared, loopSave]);
  const fieldErrors = state.kind === 'error' ? (state.fieldErrors ?? {}) : {};

  const pick = (image: PickedImage) => {
    if (picker === 'featured') {
      setFeatured({ id: image.id, src: image.src, alt: image.alt });
      update({ featuredImageId: image.id });
    } else {
      editor
        ?.chain()
        .focus()
        .insertContent({
          type: 'image',
          attrs: { src: image.src, alt: image.alt, mediaId: image.id, caption: image.caption, credit: image.credit, width: image.width, height: image.height },
        })
        .run();
    }
    setPicker(null);
  };

  return (
    <div className="editor-layout">
      <div className="editor-main">
        <EditorBar state={state} storyId={storyId} words={words} editable={editable} save={save} flush={flush} onDiscussion={setDiscussion} awareness={shared?.provider.awareness ?? null} viewerName={copydesk.viewerName} />
        {storyId && abilities ? (
          <WorkflowBar storyId={storyId} status={abilities.status} updateState={abilities.updateState} timeZone={timeZone} scheduledFor={scheduledFor} transitions={abilities.steps} checklist={abilities.checklist} flush={flush} />
        ) : (
          // A new story's steps come with its first save; the bar holds their place meanwhile, so
          // the body does not move under a reader's click when they arrive.
          !story && (
            <section className="workflow" aria-label="Workflow">
              <span className="status status-draft">draft</span>
              <span className="muted">It can go for review once it has a headline and has been saved.</span>
            </section>
          )
        )}
        <EditorNotices storyId={storyId} viewerId={viewerId} editable={mayEdit} waiting={waiting} alone={alone} sharedState={sharedState} timeZone={timeZone} onUndoRestore={() => shared && undoRestore(shared)} />
        {storyId && (stranded || (state.kind === 'error' && state.stranded)) && (
          <StrandedText storyId={storyId} draft={stranded?.draft ?? draft} movedOn={stranded?.movedOn ?? false} canComment={abilities?.canComment ?? false} onDone={() => setStranded(null)} />
        )}
        {state.kind === 'conflict' && (
          <ConflictPanel mine={draft} theirs={state.theirs} onResolve={(choice) => void autosave.resolve(choice, state.theirs)} />
        )}
        {storyId && wire && <WirePanel storyId={storyId} notice={wire.notice} editor={editor} editable={editable} canClearKill={wire.canClearKill} />}
        <HeadlineFields headline={draft.headline} dek={draft.dek} disabled={!editable} error={fieldErrors.headline} onChange={change} />
        {editor && editable && <Toolbar editor={editor} onInsertImage={() => setPicker('body')} onEmbed={() => setEmbedding(true)} />}
        <p className="paste-notice" role="status">
          {[embeds.notice, pasteNotice].filter(Boolean).join(' ')}
        </p>
        {fieldErrors.body && <p className="field-error">{fieldErrors.body.join(' ')}</p>}
        <EditorContent editor={editor} className={`story-body-wrap${shared && drawn !== shared ? ' drawing' : ''}`} data-together={shared && drawn === shared ? '' : undefined} />
      </div>
      <div className="editor-side">
      {sidePanel}
      <SuggestionsPanel editor={editor} body={draft.body as Doc} canSuggest={copydesk.canSuggest} editable={editable} />
      <StyleChecks editor={editor} storyId={storyId} text={styleText} copydesk={copydesk} editable={editable} onFieldFix={(field, value) => change({ [field]: value })} />
      <MetadataPanel
        draft={draft}
        onChange={change}
        sections={sections}
        people={people}
        slugLocked={!!story?.slugLocked}
        disabled={!editable}
        fieldErrors={fieldErrors}
        featuredImage={draft.featuredImageId ? featured : null}
        onPickFeaturedImage={() => setPicker('featured')}
      />
      {storyId && (
        <CommentsPanel storyId={storyId} initialThreads={threads} discussion={discussion} editor={editor} body={draft.body} canComment={abilities?.canComment ?? false} canAnchor={editable} />
      )}
      </div>
      {embedding && editor && <EmbedDialog onInsert={(url) => embeds.embedAt(url, editor.state.selection.from)} onClose={() => setEmbedding(false)} />}
      {picker && <ImagePicker title={picker === 'featured' ? 'Choose a featured image' : 'Insert image'} onPick={pick} onClose={() => setPicker(null)} />}
    </div>
  );
}
