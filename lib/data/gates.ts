import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { formatDateTime } from '@/lib/format';
import { parseBody } from '@/lib/editor/schema';
import { openSuggestions } from '@/lib/editor/suggestion-text';
import { ValidationError } from './errors';
import { failingRequired } from '@/lib/copydesk/checklist';
import { CHECKLIST_COLUMNS, checklistOf } from './checklist';
import { assertStyleClean } from './style';
import { readSnapshot } from './story-snapshot';

// The one check a story passes before it moves towards readers, on the server, whatever the client
// sent: style errors nobody overrode block Submit, Approve, Schedule and Publish; a legal hold
// blocks Approve, Schedule and Publish, and so does a wire kill (the agency canceled the item the
// story was made from) until an editor clears it; an embargo refuses a publication time before it; the
// section's pre-publish checklist must be complete to Schedule or Publish.
// Workflow steps of a story and of a live story's update (lib/data/workflow.ts) call it inside
// their transaction, after locking the story's row and reading it once with GATE_COLUMNS, so that
// what it approves is what the write then writes.

export type GateStep = 'submit' | 'approve' | 'schedule' | 'publish';
type Input = { step: GateStep; publishAt?: Date | null; update?: boolean };

/** What the gate reads of the story's row (the checklist's columns among them). */
export const GATE_COLUMNS = { ...CHECKLIST_COLUMNS, legalHoldReason: true, embargoUntil: true, wireKilledAt: true } satisfies Prisma.StorySelect;
export type GateStory = Prisma.StoryGetPayload<{ select: typeof GATE_COLUMNS }>;

export async function assertMayAdvance(tx: Prisma.TransactionClient, storyId: string, story: GateStory, input: Input): Promise<void> {
  if (story.legalHold && input.step !== 'submit') {
    throw new ValidationError(`This story is on legal hold${story.legalHoldReason ? ` (${story.legalHoldReason})` : ''}: it cannot be approved, scheduled or published until the hold is lifted.`, { legalHold: ['On legal hold.'] });
  }
  if (story.wireKilledAt && input.step !== 'submit') {
    throw new ValidationError('The agency killed the wire item this story was made from: it cannot be approved, scheduled or published until an editor clears the wire kill.', { wireKill: ['Wire kill.'] });
  }
  if (story.embargoUntil && (input.step === 'publish' || input.step === 'schedule') && !input.update) {
    const at = input.step === 'publish' ? new Date() : input.publishAt;
    if (at && at < story.embargoUntil) {
      throw new ValidationError(`This story is embargoed until ${formatDateTime(story.embargoUntil)}: it cannot be published before then. Schedule it for that time or later.`, { publishAt: ['Before the embargo.'] });
    }
  }
  const text = input.update && story.pendingUpdate ? readSnapshot(story.pendingUpdate) : { headline: story.headline, dek: story.dek, body: story.body };
  const body = parseBody(text.body);
  // Bodies are validated on write, so this is a damaged row: nothing broken goes towards readers.
  if (!body.ok) throw new ValidationError(`The story’s text cannot be read (${body.error}); restore a revision from History before it moves on.`, { body: [body.error] });
  await assertStyleClean(tx, storyId, { headline: text.headline, dek: text.dek, body: body.doc, section: story.section?.slug ?? null });
  if (input.step === 'publish' || input.step === 'schedule') {
    const open = openSuggestions(body.doc);
    if (open.length) {
      const named = open.slice(0, 3).map((o) => `${o.kind} of “${o.text.slice(0, 60)}”${o.author ? ` by ${o.author}` : ''}`);
      throw new ValidationError(`This story has ${open.length === 1 ? 'an open suggestion' : `${open.length} open suggestions`}: ${named.join('; ')}${open.length > 3 ? '…' : ''}. Accept or reject ${open.length === 1 ? 'it' : 'them'} first.`, { suggestions: named });
    }
    // No style errors stand here (assertStyleClean above threw otherwise).
    const failing = failingRequired(await checklistOf(storyId, story, { update: input.update, styleErrors: 0, client: tx }));
    if (failing.length) {
      throw new ValidationError(`The pre-publish checklist is not complete: ${failing.map((i) => i.label.toLowerCase()).join(', ')}.`, { checklist: failing.map((i) => i.label) });
    }
  }
}
