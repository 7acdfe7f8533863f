import { z } from 'zod';
import { DEFAULT_STYLE, RULE_IDS, type StyleSettings } from '@/lib/copydesk/types';

// The copy desk's settings as admins edit them, and as they are read back from storage (where an
// older value may lack a newer rule: defaults fill the gaps).

const line = z.string().trim().max(120).refine((t) => !/[\u0000-\u001f\u007f]/.test(t), 'One line of plain text.');

export const styleSettingsSchema = z.strictObject({
  rules: z.strictObject(Object.fromEntries(RULE_IDS.map((id) => [id, z.enum(['error', 'warning', 'off'])])) as Record<(typeof RULE_IDS)[number], z.ZodEnum<{ error: 'error'; warning: 'warning'; off: 'off' }>>),
  names: z.array(line.pipe(z.string().min(3))).max(2000),
  terms: z.array(z.strictObject({ term: line.pipe(z.string().min(2)), preferred: line })).max(1000),
  numbers: z.enum(['ap', 'off']),
  headlineLimits: z.record(z.string().max(80), z.number().int().min(20).max(400)),
});

export function readStyleSettings(stored: unknown): StyleSettings {
  const value = (stored ?? {}) as Partial<StyleSettings>;
  const merged = { ...DEFAULT_STYLE, ...value, rules: { ...DEFAULT_STYLE.rules, ...(value.rules ?? {}) }, headlineLimits: { ...DEFAULT_STYLE.headlineLimits, ...(value.headlineLimits ?? {}) } };
  const parsed = styleSettingsSchema.safeParse(merged);
  return parsed.success ? parsed.data : DEFAULT_STYLE;
}

/** "term => preferred" per line, as the settings form has it. */
export function parseTermLines(text: string): { term: string; preferred: string }[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const [term, preferred = ''] = l.split(/\s*(?:=>|→)\s*/);
      return { term: term!.trim(), preferred: preferred.trim() };
    });
}
