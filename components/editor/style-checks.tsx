'use client';

import type { Editor } from '@tiptap/react';
import { useEffect, useMemo, useState } from 'react';
import { checkStory, type StoryText } from '@/lib/copydesk/check';
import { RULE_LABELS, type Finding, type StyleSettings } from '@/lib/copydesk/types';
import type { StyleOverrideRow } from '@/lib/data/style';
import { styleHighlightsKey } from '@/lib/editor/style-highlights';
import { StyleOverrideForm } from './style-override-form';

export type CopyDesk = { settings: StyleSettings; overrides: StyleOverrideRow[]; canOverride: boolean; canSuggest: boolean; viewerName: string };

type Props = {
  editor: Editor | null;
  storyId: string | null;
  text: StoryText;
  copydesk: CopyDesk;
  editable: boolean;
  onFieldFix: (field: 'headline' | 'dek', value: string) => void;
  /** Where the panel sits: the story's editor (default) or a live blog's entry composer. */
  context?: Context;
};

type Context = { heading: string; id: string; fields: { headline: string; dek: string }; blocks: string };
const STORY: Context = { heading: 'Style checks', id: 'style-checks-heading', fields: { headline: 'story-headline', dek: 'story-dek' }, blocks: 'errors block Submit, Approve, Schedule and Publish' };

/**
 * The copy desk's findings as the reporter types: highlighted in the text and listed here, each
 * selecting its text when clicked and, where a rule knows the fix, fixing it. The server runs the
 * same checks before Submit, Approve, Schedule and Publish.
 */
export function StyleChecks({ editor, storyId, text, copydesk, editable, onFieldFix, context = STORY }: Props) {
  const [findings, setFindings] = useState<Finding[]>([]);
  const overridden = useMemo(() => new Map(copydesk.overrides.map((o) => [o.rule, o])), [copydesk.overrides]);

  useEffect(() => {
    // A moment after typing stops: checking a long story on every key press would cost the typist.
    const timer = setTimeout(() => {
      const next = checkStory(text, copydesk.settings);
      setFindings(next);
      if (editor && !editor.isDestroyed) {
        const body = next.filter((f) => f.field === 'body').map((f) => ({ from: f.from, to: f.to, severity: f.severity, message: f.message }));
        editor.view.dispatch(editor.state.tr.setMeta(styleHighlightsKey, body).setMeta('addToHistory', false));
      }
    }, 200);
    return () => clearTimeout(timer);
  }, [text, copydesk.settings, editor]);

  function select(f: Finding) {
    if (f.field !== 'body') {
      const field = document.getElementById(context.fields[f.field]) as HTMLTextAreaElement | null;
      field?.focus();
      field?.setSelectionRange(f.from, f.to);
      return;
    }
    editor?.chain().focus().setTextSelection({ from: f.from, to: f.to }).scrollIntoView().run();
  }

  function fix(f: Finding) {
    if (!f.fix) return;
    if (f.field !== 'body') {
      const value = f.field === 'headline' ? text.headline : (text.dek ?? '');
      if (value.slice(f.from, f.to) === f.match) onFieldFix(f.field, value.slice(0, f.from) + f.fix.replacement + value.slice(f.to));
      return;
    }
    if (!editor) return;
    // The text may have changed since the check: fix only what the finding was about.
    if (editor.state.doc.textBetween(f.from, f.to, undefined, '\ufffc') !== f.match) return;
    editor.view.dispatch(editor.state.tr.insertText(f.fix.replacement, f.from, f.to));
    setFindings((all) => all.filter((x) => x.key !== f.key));
  }

  // Errors first: they are what stands between the reporter and Submit.
  const listed = [...findings.filter((f) => f.severity === 'error'), ...findings.filter((f) => f.severity === 'warning')];
  const blocking = findings.filter((f) => f.severity === 'error' && !overridden.has(f.rule));
  const warnings = findings.filter((f) => f.severity === 'warning');
  const errorRules = [...new Set(findings.filter((f) => f.severity === 'error').map((f) => f.rule))];
  return (
    <section className="panel style-checks" aria-labelledby={context.id}>
      <h2 id={context.id}>{context.heading}</h2>
      <p className="muted" role="status">
        {findings.length === 0 ? 'No findings.' : `${blocking.length} ${blocking.length === 1 ? 'error' : 'errors'} · ${warnings.length} ${warnings.length === 1 ? 'warning' : 'warnings'}`}
        {blocking.length > 0 && ` · ${context.blocks}`}
      </p>
      {findings.length > 0 && (
        <ul className="style-findings">
          {listed.map((f) => {
            const override = f.severity === 'error' ? overridden.get(f.rule) : undefined;
            return (
              <li key={f.key} className={`style-finding-item style-${override ? 'overridden' : f.severity}`}>
                <span className="style-severity">{override ? 'Overridden' : f.severity === 'error' ? 'Error' : 'Warning'}</span>
                <button type="button" className="style-finding-text" onClick={() => select(f)} title="Select this text">
                  {f.message}
                  {f.excerpt && <span className="style-excerpt">{f.excerpt}</span>}
                </button>
                {f.fix && editable && (
                  <button type="button" className="btn btn-small" onClick={() => fix(f)} title={f.fix.label}>
                    Fix
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {copydesk.overrides.length > 0 && (
        <ul className="style-overrides" aria-label="Overrides">
          {copydesk.overrides.map((o) => (
            <li key={o.rule}>
              {RULE_LABELS[o.rule]}: overridden by {o.by} (“{o.reason}”)
            </li>
          ))}
        </ul>
      )}
      {copydesk.canOverride && storyId && errorRules.some((r) => !overridden.has(r)) && <StyleOverrideForm storyId={storyId} rules={errorRules.filter((r) => !overridden.has(r))} />}
    </section>
  );
}
