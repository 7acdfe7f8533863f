'use client';

/** The headline and dek above the body: one line each, a pasted line break becomes a space. */
export function HeadlineFields({ headline, dek, disabled, error, onChange }: { headline: string; dek: string; disabled: boolean; error?: string[]; onChange: (patch: { headline?: string; dek?: string }) => void }) {
  return (
    <>
    <div className="headline-field">
      <label htmlFor="story-headline">Headline</label>
      <textarea
        id="story-headline"
        rows={2}
        maxLength={200}
        value={headline}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        onChange={(e) => onChange({ headline: e.target.value.replace(/\n/g, ' ') })}
      />
      {error && <p className="field-error">{error.join(' ')}</p>}
    </div>
    <div className="dek-field">
      <label htmlFor="story-dek">Dek</label>
      <textarea id="story-dek" rows={2} maxLength={400} value={dek} disabled={disabled} onChange={(e) => onChange({ dek: e.target.value.replace(/\n/g, ' ') })} />
    </div>
</>
  );
}
