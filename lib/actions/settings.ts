'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getViewer } from '@/lib/auth';
import { setStyleSettings } from '@/lib/data/style';
import { RULE_IDS } from '@/lib/copydesk/types';
import { CHECK_ITEMS, type ChecklistSettings } from '@/lib/copydesk/checklist';
import { setChecklistSettings } from '@/lib/data/checklist';
import { parseTermLines, styleSettingsSchema } from '@/lib/validations/style';
import { setPolicy } from '@/lib/data/settings';
import { setSiteIdentity } from '@/lib/data/site-identity';
import { siteIdentitySchema } from '@/lib/validations/site';
import { parseForm, type FormState } from '@/lib/validations/form';
import { refusal } from './result';

const policySchema = z.strictObject({
  // An unchecked checkbox is not sent at all.
  editorMayApproveOwnStory: z.literal('on').optional(),
});

export async function setPolicyAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = parseForm(policySchema, formData);
  if (!parsed.ok) return parsed.state;
  try {
    await setPolicy(await getViewer(), { editorMayApproveOwnStory: parsed.data.editorMayApproveOwnStory === 'on' });
  } catch (error) {
    return refusal(error);
  }
  revalidatePath('/newsroom', 'layout');
  return { ok: true, message: 'Settings saved.' };
}

export async function setSiteIdentityAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = parseForm(siteIdentitySchema, formData, ['name', 'tagline', 'description']);
  if (!parsed.ok) return parsed.state;
  try {
    await setSiteIdentity(await getViewer(), parsed.data);
  } catch (error) {
    return { ...refusal(error), values: parsed.data };
  }
  revalidatePath('/newsroom', 'layout');
  return { ok: true, message: 'Saved. The public site, its feeds and its search listings now use these.', values: parsed.data };
}

export async function setStyleSettingsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const text = (key: string) => {
    const value = formData.get(key);
    return typeof value === 'string' ? value : '';
  };
  if ([...formData.values()].some((v) => typeof v === 'string' && v.includes('\u0000'))) return { message: 'Text may not contain NUL characters.' };
  const limits: Record<string, number> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith('limit.') && typeof value === 'string' && value.trim()) limits[key.slice('limit.'.length)] = Number(value);
  }
  const input = {
    rules: Object.fromEntries(RULE_IDS.map((id) => [id, text(`rule.${id}`)])),
    names: text('names').split(/\r?\n/).map((l) => l.trim()).filter(Boolean),
    terms: parseTermLines(text('terms')),
    numbers: text('numbers'),
    headlineLimits: limits,
  };
  const parsed = styleSettingsSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { message: `${issue.path.join(' ')}: ${issue.message}`.replace(/^: /, '') };
  }
  try {
    await setStyleSettings(await getViewer(), parsed.data);
  } catch (error) {
    return refusal(error);
  }
  revalidatePath('/newsroom', 'layout');
  return { ok: true, message: 'Style settings saved. Every story is checked against them from now on.' };
}

export async function setChecklistAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const settings: Record<string, string[]> = { default: [] };
  for (const [key, value] of formData.entries()) {
    if (key.startsWith('$ACTION')) continue;
    const [section, item] = key.split('.');
    if (value !== 'on' || !section || !item || !(CHECK_ITEMS as readonly string[]).includes(item) || section.length > 80) return { message: `The field "${key.slice(0, 60)}" was not understood.` };
    (settings[section] ??= []).push(item);
  }
  try {
    await setChecklistSettings(await getViewer(), settings as ChecklistSettings);
  } catch (error) {
    return refusal(error);
  }
  revalidatePath('/newsroom', 'layout');
  return { ok: true, message: 'Checklist saved.' };
}
