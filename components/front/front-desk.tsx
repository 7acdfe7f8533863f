'use client';

import { useState } from 'react';
import { publishFrontAction } from '@/lib/actions/front';
import type { FrontDesk as Desk, FrontStory } from '@/lib/data/front';
import type { FrontLayout } from '@/lib/validations/front';
import { FrontSlot } from './front-slot';
import { PublishBar } from './publish-bar';
import { SectionBlock } from './section-block';
import { getSlot, setSlot, slotKeys, slotLabel, swapSlots, type SlotKey } from './slots';
import { useDraftSaver } from './use-draft-saver';

/** The front page desk: every slot, saved as a shared draft as the editor works, then published. */
export function FrontDesk({ desk, timeZone }: { desk: Desk; timeZone: string }) {
  const [layout, setLayout] = useState<FrontLayout>(desk.layout);
  const [stories, setStories] = useState<Record<string, FrontStory>>(desk.stories);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const [fills, setFills] = useState(desk.fills);
  const saver = useDraftSaver(desk.draftVersion, setFills);
  const names = Object.fromEntries(desk.sections.map((s) => [s.slug, s.name]));
  const keys = slotKeys(layout);

  function change(next: FrontLayout) {
    setLayout(next);
    setNotice(null);
    saver.schedule(next);
  }
  const choose = (key: SlotKey) => (story: FrontStory) => {
    setStories((s) => ({ ...s, [story.id]: story }));
    change(setSlot(layout, key, story.id));
  };

  async function publish(publishAt: string, note: string) {
    if (!(await saver.flush())) return setNotice({ ok: false, text: 'The draft could not be saved; reload before publishing.' });
    const result = await publishFrontAction({ layout, publishAt, note });
    if (!result.ok) return setNotice({ ok: false, text: result.message });
    saver.reset();
    setNotice({ ok: true, text: result.scheduled ? `Version ${result.number} is scheduled.` : `Version ${result.number} is live on the front page.` });
  }

  function slot(key: SlotKey, group: SlotKey[], fallback: string) {
    const index = group.indexOf(key);
    const id = getSlot(layout, key);
    const label = slotLabel(key, names);
    return (
      <FrontSlot
        key={key}
        slotKey={key}
        label={label}
        story={id ? (stories[id] ?? null) : null}
        fallback={fallback}
        showing={fills[key]?.headline ?? null}
        canMoveUp={index > 0}
        canMoveDown={index < group.length - 1}
        onMove={(step) => change(swapSlots(layout, key, group[index + step]!))}
        onChoose={choose(key)}
        onClear={() => change(setSlot(layout, key, null))}
        onDropSlot={(from) => change(swapSlots(layout, from, key))}
      />
    );
  }

  return (
    <div className="front-desk">
      <PublishBar desk={desk} save={saver.state} notice={notice} timeZone={timeZone} onPublish={publish} onPreview={saver.flush} />
      <section aria-labelledby="front-leading" className="panel">
        <h2 id="front-leading">Lead and top stories</h2>
        <ol className="front-slots">{keys.leading.map((key) => slot(key, keys.leading, 'The newest story not already shown'))}</ol>
      </section>
      <section aria-labelledby="front-blocks" className="front-blocks">
        <h2 id="front-blocks">Section blocks</h2>
        <p className="muted">Each block shows its section’s newest stories; a story chosen for a slot stays there until it is removed or unpublished.</p>
        {layout.sections.map((block, i) => (
          <SectionBlock key={block.slug} layout={layout} slug={block.slug} name={names[block.slug] ?? block.slug} index={i} onChange={change}>
            {keys.sections[block.slug]!.map((key) => slot(key, keys.sections[block.slug]!, `The newest ${names[block.slug] ?? ''} story`))}
          </SectionBlock>
        ))}
      </section>
    </div>
  );
}
