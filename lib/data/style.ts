import 'server-only';
import { db } from '@/lib/db';
import { checkStory, blockingFindings, describeBlocking, type StoryText } from '@/lib/copydesk/check';
import { RULE_IDS, type Finding, type RuleId, type StyleSettings } from '@/lib/copydesk/types';
import type { Prisma } from '@/lib/generated/prisma/client';
import { readStyleSettings, styleSettingsSchema } from '@/lib/validations/style';
import { recordAudit } from './audit';
import { ValidationError } from './errors';
import { can } from '@/lib/permissions';
import { assertCan, type Viewer } from './viewer';
import { loadStoryFor } from './story-access';

// The copy desk's settings (admins), editors' overrides of a rule for one story, and the style
// gate that every transition a style error blocks runs on the server.

const KEY = 'copydesk.style';
type Client = Pick<typeof db, 'setting' | 'styleOverride'>;

export async function getStyleSettings(client: Client = db): Promise<StyleSettings> {
  return readStyleSettings((await client.setting.findUnique({ where: { key: KEY }, select: { value: true } }))?.value);
}

export async function setStyleSettings(viewer: Viewer | null, input: StyleSettings): Promise<void> {
  assertCan(viewer, 'site.configure');
  const parsed = styleSettingsSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError(parsed.error.issues[0]?.message ?? 'Those settings are not valid.');
  const before = await getStyleSettings();
  const changed = (Object.keys(parsed.data) as (keyof StyleSettings)[]).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(parsed.data[k]));
  if (changed.length === 0) return;
  await db.$transaction(async (tx) => {
    const value = parsed.data as unknown as Prisma.InputJsonValue;
    await tx.setting.upsert({ where: { key: KEY }, update: { value }, create: { key: KEY, value } });
    await recordAudit(tx, { actorId: viewer.id, action: 'settings.style', entityType: 'setting', entityId: KEY, note: `Changed: ${changed.join(', ')}` });
  });
}

export type StyleOverrideRow = { rule: RuleId; reason: string; by: string; at: Date };

export async function listStyleOverrides(storyId: string, client: Pick<typeof db, 'styleOverride'> = db): Promise<StyleOverrideRow[]> {
  const rows = await client.styleOverride.findMany({ where: { storyId }, orderBy: { createdAt: 'asc' }, select: { rule: true, reason: true, createdAt: true, createdBy: { select: { name: true } } } });
  return rows.map((r) => ({ rule: r.rule as RuleId, reason: r.reason, by: r.createdBy.name, at: r.createdAt }));
}

/** An editor lets one rule's errors through for one story, saying why. Audited. */
export async function overrideStyleRule(viewer: Viewer | null, storyId: string, rule: RuleId, reason: string): Promise<void> {
  assertCan(viewer, 'newsroom.enter');
  await loadStoryFor(viewer, storyId, 'story.overrideStyle');
  if (!RULE_IDS.includes(rule)) throw new ValidationError('There is no such style rule.');
  const text = reason.trim();
  if (text.length < 5) throw new ValidationError('Say why this rule does not apply to this story.', { reason: ['Say why this rule does not apply to this story.'] });
  await db.$transaction(async (tx) => {
    await tx.styleOverride.upsert({ where: { storyId_rule: { storyId, rule } }, update: { reason: text, createdById: viewer.id, createdAt: new Date() }, create: { storyId, rule, reason: text, createdById: viewer.id } });
    await recordAudit(tx, { actorId: viewer.id, action: 'story.styleOverride', entityType: 'story', entityId: storyId, storyId, note: `${rule}: ${text}` });
  });
}

export type StyleText = StoryText;

/** The findings that block a step, after this story's overrides. */
export async function styleBlockers(client: Client, storyId: string, text: StyleText): Promise<Finding[]> {
  const [settings, overrides] = await Promise.all([getStyleSettings(client), client.styleOverride.findMany({ where: { storyId }, select: { rule: true } })]);
  return blockingFindings(checkStory(text, settings), new Set(overrides.map((o) => o.rule)));
}

/** Refuses a step while the story has style errors nobody overrode, naming them. */
export async function assertStyleClean(client: Client, storyId: string, text: StyleText): Promise<void> {
  const blockers = await styleBlockers(client, storyId, text);
  if (blockers.length) throw new ValidationError(describeBlocking(blockers), { style: blockers.map((f) => f.message) });
}

/** What the editor needs for live checks: the settings, this story's overrides, and whether the viewer may override. */
export async function getCopyDesk(viewer: Viewer | null, storyId: string | null): Promise<{ settings: StyleSettings; overrides: StyleOverrideRow[]; canOverride: boolean; canSuggest: boolean; viewerName: string }> {
  assertCan(viewer, 'newsroom.enter');
  const [settings, overrides, story] = await Promise.all([
    getStyleSettings(),
    storyId ? listStyleOverrides(storyId) : [],
    storyId ? db.story.findUnique({ where: { id: storyId }, select: { status: true, authors: { select: { userId: true } } } }) : null,
  ]);
  const canOverride = story ? can(viewer, 'story.overrideStyle', { status: story.status, authorIds: story.authors.map((a) => a.userId) }) : false;
  // Suggesting edits is how an editor changes a reporter's text in review.
  return { settings, overrides, canOverride, canSuggest: viewer.role !== 'REPORTER', viewerName: viewer.name };
}
