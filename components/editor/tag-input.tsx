'use client';

import { useState } from 'react';

type Props = { tags: string[]; onChange: (tags: string[]) => void; disabled?: boolean; max: number };

const norm = (t: string) => t.trim().replace(/\s+/g, ' ');

/** Type a tag and press Enter or comma. Case and spacing variants of a tag already there are ignored. */
export function TagInput({ tags, onChange, disabled, max }: Props) {
  const [text, setText] = useState('');
  const add = (raw: string) => {
    const tag = norm(raw);
    if (!tag || tags.length >= max) return;
    if (!tags.some((t) => t.toLowerCase() === tag.toLowerCase())) onChange([...tags, tag]);
    setText('');
  };
  return (
    <div className="tag-input">
      <ul aria-label="Tags on this story">
        {tags.map((tag) => (
          <li key={tag}>
            {tag}
            <button type="button" aria-label={`Remove tag ${tag}`} disabled={disabled} onClick={() => onChange(tags.filter((t) => t !== tag))}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <input
        id="story-tags"
        value={text}
        disabled={disabled || tags.length >= max}
        placeholder={tags.length >= max ? `At most ${max} tags` : 'Add a tag and press Enter'}
        onChange={(e) => {
          const value = e.target.value;
          if (value.includes(',')) value.split(',').slice(0, -1).forEach(add);
          setText(value.includes(',') ? (value.split(',').at(-1) ?? '') : value);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            add(text);
          } else if (e.key === 'Backspace' && text === '' && tags.length > 0) {
            onChange(tags.slice(0, -1));
          }
        }}
        onBlur={() => add(text)}
      />
    </div>
  );
}
