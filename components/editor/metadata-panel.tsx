'use client';

import type { ReactNode } from 'react';
import { BylinePicker } from './byline-picker';
import { TagInput } from './tag-input';
import type { StoryDraft } from './types';

type Props = {
  draft: StoryDraft;
  onChange: (patch: Partial<StoryDraft>) => void;
  sections: { id: string; name: string }[];
  people: { id: string; name: string }[];
  slugLocked: boolean;
  disabled: boolean;
  fieldErrors: Record<string, string[]>;
  featuredImage: { src: string; alt: string } | null;
  onPickFeaturedImage: () => void;
};

function Field({ id, label, error, hint, children }: { id: string; label: string; error?: string[]; hint?: string; children: ReactNode }) {
  return (
    <div className="meta-field">
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && <p className="hint">{hint}</p>}
      {error?.length ? (
        <p className="field-error" id={`${id}-error`}>
          {error.join(' ')}
        </p>
      ) : null}
    </div>
  );
}

export function MetadataPanel(props: Props) {
  const { draft, onChange, disabled, fieldErrors: e } = props;
  const text = (field: keyof StoryDraft, id: string, max: number) => ({
    id,
    value: draft[field] as string,
    maxLength: max,
    disabled,
    'aria-invalid': e[field] ? true : undefined,
    'aria-describedby': e[field] ? `${id}-error` : undefined,
    onChange: (ev: { target: { value: string } }) => onChange({ [field]: ev.target.value }),
  });

  return (
    <aside className="meta-panel" aria-label="Story details">
      <Field id="story-section" label="Section" error={e.sectionId}>
        <select id="story-section" value={draft.sectionId ?? ''} disabled={disabled} onChange={(ev) => onChange({ sectionId: ev.target.value || null })}>
          <option value="">No section yet</option>
          {props.sections.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </Field>
      <Field id="story-slug" label="Slug" error={e.slug} hint={props.slugLocked ? 'Part of a published URL: editors change it with “Change slug” below.' : 'Made from the headline until you change it.'}>
        <input {...text('slug', 'story-slug', 100)} disabled={disabled || props.slugLocked} spellCheck={false} />
      </Field>
      <Field id="story-tags" label="Tags" error={e.tags}>
        <TagInput tags={draft.tags} onChange={(tags) => onChange({ tags })} disabled={disabled} max={20} />
      </Field>
      <Field id="story-bylines" label="Bylines" error={e.bylineIds}>
        <BylinePicker ids={draft.bylineIds} people={props.people} onChange={(bylineIds) => onChange({ bylineIds })} disabled={disabled} />
      </Field>
      <Field id="story-credit" label="Credit line" error={e.creditLine} hint='An outside source, e.g. "Diplomacy Journal".'>
        <input {...text('creditLine', 'story-credit', 200)} />
      </Field>
      <Field id="story-dateline" label="Dateline" error={e.dateline} hint='Where the story was reported, e.g. "LIMA".'>
        <input {...text('dateline', 'story-dateline', 60)} />
      </Field>
      <Field id="story-featured" label="Featured image" error={e.featuredImageId}>
        <div className="featured">
          {props.featuredImage ? (
            // eslint-disable-next-line @next/next/no-img-element -- a small preview of a rendition
            <img src={props.featuredImage.src} alt={props.featuredImage.alt} />
          ) : (
            <span className="muted">None</span>
          )}
          <button
            id="story-featured"
            type="button"
            className="btn btn-quiet"
            disabled={disabled}
            onClick={props.onPickFeaturedImage}
            aria-label={props.featuredImage ? 'Change featured image' : 'Choose featured image'}
          >
            {props.featuredImage ? 'Change' : 'Choose'}
          </button>
          {props.featuredImage && (
            <button type="button" className="btn btn-quiet" disabled={disabled} onClick={() => onChange({ featuredImageId: null })}>
              Remove featured image
            </button>
          )}
        </div>
      </Field>
      <Field id="story-seo-title" label="SEO title" error={e.seoTitle} hint="For search results; the headline if empty.">
        <input {...text('seoTitle', 'story-seo-title', 120)} />
      </Field>
      <Field id="story-seo-description" label="SEO description" error={e.seoDescription} hint="For search results; the dek if empty.">
        <textarea {...text('seoDescription', 'story-seo-description', 300)} rows={3} />
      </Field>
    </aside>
  );
}
