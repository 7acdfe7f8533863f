'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { searchFrontStoriesAction } from '@/lib/actions/front';
import type { FrontStory } from '@/lib/data/front';

/**
 * Picks a published story by headline: an ARIA 1.2 combobox with a list of matches (arrow keys
 * move, Enter chooses, Escape closes). Its accessible name is the slot's.
 */
export function StoryCombobox({ label, onChoose }: { label: string; onChoose: (story: FrontStory) => void }) {
  const id = useId();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [options, setOptions] = useState<FrontStory[]>([]);
  const [active, setActive] = useState(-1);
  const [message, setMessage] = useState('');
  const asked = useRef(0);

  useEffect(() => {
    if (!open) return;
    const ticket = ++asked.current;
    const timer = setTimeout(async () => {
      const result = await searchFrontStoriesAction({ query });
      if (ticket !== asked.current) return; // a later keystroke's answer wins
      if (!result.ok) return setMessage(result.message);
      setOptions(result.stories);
      setActive(result.stories.length ? 0 : -1);
      setMessage(result.stories.length ? '' : 'No published story matches.');
    }, 150);
    return () => clearTimeout(timer);
  }, [query, open]);

  function choose(story: FrontStory | undefined) {
    if (!story) return;
    onChoose(story);
    setQuery('');
    setOpen(false);
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.altKey) return; // Alt+arrows move the slot (FrontSlot), not through the list
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!open) return setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (options.length ? (i + step + options.length) % options.length : -1));
    } else if (event.key === 'Enter' && open && active >= 0) {
      event.preventDefault();
      choose(options[active]);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      setOpen(false);
    }
  }

  const listId = `${id}-list`;
  return (
    <div className="combobox">
      <input
        type="text"
        role="combobox"
        aria-label={label}
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && active >= 0 ? `${id}-${active}` : undefined}
        placeholder="Search published stories by headline"
        value={query}
        maxLength={200}
        autoComplete="off"
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} role="listbox" aria-label={`Stories for ${label}`} hidden={!open || options.length === 0} className="combobox-list">
        {options.map((story, i) => (
          <li
            key={story.id}
            id={`${id}-${i}`}
            role="option"
            aria-selected={i === active}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => choose(story)}
          >
            <span className="combobox-headline">{story.headline}</span>
            <span className="muted">
              {story.section}
              {story.published && ` · ${story.published}`}
            </span>
          </li>
        ))}
      </ul>
      {open && message && (
        <p className="muted combobox-message" role="status">
          {message}
        </p>
      )}
    </div>
  );
}
