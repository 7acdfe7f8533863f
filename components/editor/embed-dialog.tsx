'use client';

import { useEffect, useRef, useState } from 'react';

/**
 * Embed in the toolbar: an address, resolved by the newsroom's server when Insert embed is pressed.
 * The dialog stays open (and keeps the address) while the server works, then closes; the editor's
 * notice says what went in.
 */
export function EmbedDialog({ onInsert, onClose }: { onInsert: (url: string) => Promise<unknown>; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [url, setUrl] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  const submit = async () => {
    const value = url.trim();
    if (!/^https?:\/\/\S+$/i.test(value)) {
      setError('Paste the address of the post, video, map or page (starting with https://).');
      return;
    }
    setBusy(true);
    await onInsert(value);
    setBusy(false);
    dialog.current?.close();
  };

  return (
    <dialog ref={dialog} className="embed-dialog" aria-labelledby="embed-dialog-title" onClose={onClose}>
      <h2 id="embed-dialog-title">Embed</h2>
      <p className="hint">A video, a social post, a map, a chart or a document. Masthead fetches it once and shows it as its own card: readers load nothing from elsewhere until they press play.</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label htmlFor="embed-address">Address</label>
        <input
          id="embed-address"
          type="url"
          value={url}
          spellCheck={false}
          autoFocus
          placeholder="https://"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'embed-address-error' : undefined}
          onChange={(e) => {
            setUrl(e.target.value);
            setError('');
          }}
        />
        {error && (
          <p id="embed-address-error" role="alert" className="field-error">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="submit" className="btn" disabled={busy}>
            {busy ? 'Embedding…' : 'Insert embed'}
          </button>
          <button type="button" className="btn btn-quiet" onClick={() => dialog.current?.close()}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
