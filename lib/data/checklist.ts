import 'server-only';
import { z } from 'zod';
import { db } from '@/lib/db';
import { CHECK_ITEMS, DEFAULT_CHECKLIST, evaluateChecklist, type ChecklistItem, type ChecklistSettings } from '@/lib/copydesk/checklist';
import type { Prisma } from '@/lib/generated/prisma/client';
import { parseBody } from '@/lib/editor/schema';
import { openSuggestions } from '@/lib/editor/suggestion-text';
import { recordAudit } from './audit';
import { ValidationError } from './errors';
import { readSnapshot } from './story-snapshot';
import { styleBlockers } from './style';
import { assertCan, type Viewer } from './viewer';

// The pre-publish checklist's settings (admins) and a story's checklist as it stands.

const KEY = 'copydesk.checklist';
const settingsSchema = z.record(z.string().max(80), z.array(z.enum(CHECK_ITEMS)).max(CHECK_ITEMS.length));

export async function getChecklistSettings(client: Pick<typeof db, 'setting'> = db): Promise<ChecklistSettings> {
  const row = await client.setting.findUnique({ where: { key: KEY }, select: { value: true } });
  const parsed = settingsSchema.safeParse(row?.value);
  return parsed.success && parsed.data.default ? parsed.data : DEFAULT_CHECKLIST;
}

export async function setChecklistSettings(viewer: Viewer | null, input: ChecklistSettings): Promise<void> {
  assertCan(viewer, 'site.configure');
  const parsed = settingsSchema.safeParse(input);
  if (!parsed.success || !parsed.data.default) throw new ValidationError('That checklist is not valid.');
  const before = await getChecklistSettings();
  if (JSON.stringify(before) === JSON.stringify(parsed.data)) return;
  await db.$transaction(async (tx) => {
    await tx.setting.upsert({ where: { key: KEY }, update: { value: parsed.data }, create: { key: KEY, value: parsed.data } });
    await recordAudit(tx, { actorId: viewer.id, action: 'settings.checklist', entityType: 'setting', entityId: KEY, toState: JSON.stringify(parsed.data) });
  });
}

/** What the checklist reads of a story's row (the gate reads it with the rest, once). */
export const CHECKLIST_COLUMNS = {
  headline: true,
  dek: true,
  body: true,
  pendingUpdate: true,
  legalHold: true,
  section: { select: { slug: true } },
  featuredImage: { select: { altText: true } },
  _count: { select: { tags: true, comments: { where: { resolvedAt: null, parentId: null } } } },
} satisfies Prisma.StorySelect;
export type ChecklistStory = Prisma.StoryGetPayload<{ select: typeof CHECKLIST_COLUMNS }>;

type ChecklistOptions = { update?: boolean; styleErrors?: number; client?: Prisma.TransactionClient };

/** The checklist of a story (or of its pending update, whose text and picture it reads instead). */
export async function storyChecklist(storyId: string, options: ChecklistOptions = {}): Promise<ChecklistItem[]> {
  const story = await (options.client ?? db).story.findUniqueOrThrow({ where: { id: storyId }, select: CHECKLIST_COLUMNS });
  return checklistOf(storyId, story, options);
}

/** The checklist of a story row already read. */
export async function checklistOf(storyId: string, story: ChecklistStory, options: ChecklistOptions = {}): Promise<ChecklistItem[]> {
  const client = options.client ?? db;
  const update = options.update && story.pendingUpdate ? readSnapshot(story.pendingUpdate) : null;
  const text = update ?? { headline: story.headline, dek: story.dek, body: story.body as Prisma.JsonValue };
  const body = parseBody(text.body);
  const section = story.section?.slug ?? null;
  // The gate has just counted them; the story page has not.
  const errors = options.styleErrors ?? (body.ok ? (await styleBlockers(client, storyId, { headline: text.headline, dek: text.dek, body: body.doc, section })).length : 0);
  const imageId = update ? update.featuredImageId : undefined;
  const featuredImageAlt = update
    ? imageId
      ? ((await client.media.findUnique({ where: { id: imageId }, select: { altText: true } }))?.altText ?? null)
      : null
    : (story.featuredImage?.altText ?? null);
  return evaluateChecklist(
    { section, tags: update ? update.tags.length : story._count.tags, dek: text.dek, featuredImageAlt, styleErrors: errors, openSuggestions: body.ok ? openSuggestions(body.doc).length : 0, unresolvedComments: story._count.comments, legalHold: story.legalHold },
    await getChecklistSettings(client),
  );
}
