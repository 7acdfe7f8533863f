'use client';

import type { Editor } from '@tiptap/react';
import { useEffect, useRef, useState } from 'react';
import { isSafeHref } from '@/lib/editor/safe-url';

/**
 * Adds, changes or removes the link on the selection. Inline rather than window.prompt, so it can
 * say what is wrong with an address and keep what was typed. The selection is kept by the editor
 * while focus is here; Apply puts focus back where the reporter was writing.
 */
export function LinkForm({ editor, onClose }: { editor: Editor; onClose: () => void }) {
  const existing = editor.getAttributes('link').href as string | undefined;
  const [href, setHref] = useState(existing ?? 'https://');
  const [error, setError] = useState('');
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.select(), []);

  const apply = () => {
    const value = href.trim();
    if (value === '' || value === 'https://') return remove();
    if (!isSafeHref(value)) {
      setError('Links must start with http://, https:// or mailto:.');
      return;
    }
    editor.chain().focus().extendMarkRange('link').setLink({ href: value }).run();
    onClose();
  };
  const remove = () => {
    editor.chain().focus().extendMarkRange('link').unsetLink().run();
    onClose();
  };
  const cancel = () => {
    editor.commands.focus();
    onClose();
  };

  return (
    <div className="link-form" role="group" aria-label="Link">
      <label htmlFor="link-href">Link address</label>
      <input
        id="link-href"
        ref={input}
        type="url"
        value={href}
        spellCheck={false}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'link-href-error' : undefined}
        onChange={(e) => {
          setHref(e.target.value);
          setError('');
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            apply();
          } else if (e.key === 'Escape') {
            e.preventDefault();
            cancel();
          }
        }}
      />
      <button type="button" className="btn" onClick={apply}>
        Apply link
      </button>
      {existing && (
        <button type="button" className="btn btn-quiet" onClick={remove}>
          Remove link
        </button>
      )}
      <button type="button" className="btn btn-quiet" onClick={cancel}>
        Cancel
      </button>
      {error && (
        <p id="link-href-error" role="alert" className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
