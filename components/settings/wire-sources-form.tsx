'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { createWireSourceAction, rotateWireTokenAction, setWireExpiryAction, updateWireSourceAction } from '@/lib/actions/wires';
import type { WireSourceRow } from '@/lib/data/wire-sources';

// Wire sources for admins: add one, change one, rotate its token; how long unused items stay.
// A token is shown once, right after it is made: only its hash is kept.

type Section = { id: string; name: string };
type Notice = { ok: boolean; message: string; fieldErrors?: Record<string, string[]> };

const FORMATS = [
  { value: 'AUTO', label: 'Detect (NewsML-G2 or ninjs)' },
  { value: 'NEWSML', label: 'NewsML-G2' },
  { value: 'NINJS', label: 'ninjs' },
] as const;

function fieldsOf(form: HTMLFormElement) {
  const data = new FormData(form);
  return {
    name: String(data.get('name') ?? ''),
    format: String(data.get('format') ?? 'AUTO'),
    sectionId: String(data.get('sectionId') ?? '') || null,
    needsEditor: data.get('needsEditor') === 'on',
    feedUrl: String(data.get('feedUrl') ?? ''),
  };
}

function SourceFields({ prefix, source, sections, errors }: { prefix: string; source?: WireSourceRow; sections: Section[]; errors?: Record<string, string[]> }) {
  const error = (name: string) => (errors?.[name]?.length ? <p id={`${prefix}-${name}-error`} className="field-error">{errors[name]!.join(' ')}</p> : null);
  return (
    <>
      <div className="field">
        <label htmlFor={`${prefix}-name`}>Source name</label>
        <input id={`${prefix}-name`} name="name" defaultValue={source?.name ?? ''} maxLength={100} required aria-invalid={errors?.name ? true : undefined} />
        {error('name')}
      </div>
      <div className="form-row">
        <div className="field">
          <label htmlFor={`${prefix}-format`}>Format</label>
          <select id={`${prefix}-format`} name="format" defaultValue={source?.format ?? 'AUTO'}>
            {FORMATS.map((f) => (
              <option key={f.value} value={f.value}>
                {f.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${prefix}-section`}>Default section</label>
          <select id={`${prefix}-section`} name="sectionId" defaultValue={source?.sectionId ?? ''}>
            <option value="">Guess from the item’s subjects</option>
            {sections.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
          {error('sectionId')}
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${prefix}-feed`}>Feed address (optional)</label>
        <input id={`${prefix}-feed`} name="feedUrl" type="url" defaultValue={source?.feedUrl ?? ''} maxLength={2000} placeholder="https://agency.example/feed.atom" aria-describedby={`${prefix}-feed-hint`} />
        <p id={`${prefix}-feed-hint`} className="hint">
          A ninjs list, or an Atom/RSS feed linking NewsML-G2 items. Read every minute.
        </p>
        {error('feedUrl')}
      </div>
      <label className="check">
        <input type="checkbox" name="needsEditor" defaultChecked={source?.needsEditor ?? false} /> Items need an editor before reporters see them
      </label>
    </>
  );
}

function TokenShown({ slug, token }: { slug: string; token: string }) {
  const endpoint = `${window.location.origin}/api/wire/${slug}`;
  return (
    <div className="panel token-shown" role="region" aria-label="Push token">
      <p>
        <strong>Push token for “{slug}”.</strong> It is shown only now: copy it into the agency’s delivery settings.
      </p>
      <label htmlFor={`token-${slug}`}>Token</label>
      <input id={`token-${slug}`} readOnly value={token} onFocus={(e) => e.target.select()} />
      <p className="hint">
        Push with <code>{`curl -X POST -H "Authorization: Bearer ${token.slice(0, 6)}…" --data-binary @item.xml ${endpoint}`}</code>
      </p>
    </div>
  );
}

export function WireSourcesForm({ sources, sections, expiryDays }: { sources: WireSourceRow[]; sections: Section[]; expiryDays: number }) {
  const router = useRouter();
  const [notice, setNotice] = useState<Notice | null>(null);
  const [shown, setShown] = useState<{ slug: string; token: string } | null>(null);
  const [pending, setPending] = useState(false);

  const submit = (work: (form: HTMLFormElement) => Promise<Notice & { token?: string; slug?: string }>) => async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    setPending(true);
    setNotice(null);
    try {
      const result = await work(form);
      setNotice(result);
      if (result.ok && result.token && result.slug) setShown({ slug: result.slug, token: result.token });
      if (result.ok) router.refresh();
    } finally {
      setPending(false);
    }
  };

  const create = submit(async (form) => {
    const result = await createWireSourceAction(fieldsOf(form));
    if (!result.ok) return { ok: false, message: result.message, fieldErrors: result.fieldErrors };
    form.reset();
    return { ok: true, message: `Source added as “${result.slug}”.`, slug: result.slug, token: result.token };
  });

  return (
    <>
      {shown && <TokenShown slug={shown.slug} token={shown.token} />}
      <p role="status" className={`notice ${notice?.ok ? 'notice-ok' : 'notice-error'}`}>
        {notice?.message ?? ''}
      </p>
      <section className="panel" aria-labelledby="wire-sources-heading">
        <h2 id="wire-sources-heading">Sources</h2>
        {sources.length === 0 ? (
          <p className="muted">No wire sources yet. Add one below, or from the server’s shell: npm run wire:source -- --name &quot;Agency&quot;.</p>
        ) : (
          <ul className="wire-sources">
            {sources.map((source) => (
              <li key={source.id}>
                <details>
                  <summary>
                    <strong>{source.name}</strong> <code>/api/wire/{source.slug}</code> · {source.items.toLocaleString('en')} item{source.items === 1 ? '' : 's'}
                    {source.sectionName ? ` · ${source.sectionName}` : ''}
                    {source.needsEditor ? ' · needs an editor' : ''}
                    {source.feedUrl ? (source.feedError ? ' · feed failing' : ' · pulls a feed') : ''}
                  </summary>
                  {source.feedError && <p className="field-error">Last pull: {source.feedError}</p>}
                  <form
                    className="wire-source-form"
                    aria-label={`Edit ${source.name}`}
                    onSubmit={submit(async (form) => {
                      const result = await updateWireSourceAction({ id: source.id, ...fieldsOf(form) });
                      return result.ok ? { ok: true, message: `${source.name} saved.` } : { ok: false, message: result.message, fieldErrors: result.fieldErrors };
                    })}
                  >
                    <SourceFields prefix={`source-${source.id}`} source={source} sections={sections} />
                    <div className="form-actions">
                      <button type="submit" className="btn btn-primary" disabled={pending}>
                        Save source
                      </button>
                      <button
                        type="button"
                        className="btn"
                        disabled={pending}
                        onClick={async () => {
                          if (!window.confirm(`Rotate the push token of ${source.name}? The agency’s current token stops working at once.`)) return;
                          const result = await rotateWireTokenAction({ id: source.id });
                          if (!result.ok) return setNotice({ ok: false, message: result.message });
                          setShown({ slug: result.slug, token: result.token });
                          setNotice({ ok: true, message: `A new token for ${source.name}; the old one no longer works.` });
                        }}
                      >
                        Rotate token
                      </button>
                    </div>
                    <p className="hint">Token set {new Date(source.tokenSetAt).toLocaleString()}.</p>
                  </form>
                </details>
              </li>
            ))}
          </ul>
        )}
      </section>
      <form className="panel" aria-labelledby="wire-add-heading" onSubmit={create}>
        <h2 id="wire-add-heading">Add a wire source</h2>
        <SourceFields prefix="new-source" sections={sections} errors={notice && !notice.ok ? notice.fieldErrors : undefined} />
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={pending}>
            Add source
          </button>
        </div>
      </form>
      <form
        className="panel"
        aria-labelledby="wire-expiry-heading"
        onSubmit={submit(async (form) => {
          const days = Number(new FormData(form).get('days'));
          const result = await setWireExpiryAction({ days });
          return result.ok ? { ok: true, message: `Unused wire items now leave the desk after ${days} days.` } : { ok: false, message: result.message };
        })}
      >
        <h2 id="wire-expiry-heading">Expiry</h2>
        <div className="field">
          <label htmlFor="wire-expiry">Days an unused item stays on the Wires desk</label>
          <input id="wire-expiry" className="input-short" name="days" type="number" min={1} max={365} defaultValue={expiryDays} required />
        </div>
        <div className="form-actions">
          <button type="submit" className="btn" disabled={pending}>
            Save expiry
          </button>
        </div>
      </form>
    </>
  );
}
