import { describe, expect, it } from 'vitest';
import { parseForm } from '@/lib/validations/form';
import { createUserSchema } from '@/lib/validations/users';

function form(entries: [string, string | Blob][]) {
  const data = new FormData();
  for (const [k, v] of entries) data.append(k, v);
  return data;
}

const valid: [string, string][] = [
  ['name', 'Ada Reporter'],
  ['email', ' Ada@Example.COM '],
  ['role', 'REPORTER'],
  ['password', 'correct horse battery'],
];

describe('parseForm with the create-person schema', () => {
  it('normalises a valid form', () => {
    const result = parseForm(createUserSchema, form(valid));
    expect(result).toEqual({
      ok: true,
      data: { name: 'Ada Reporter', email: 'ada@example.com', role: 'REPORTER', password: 'correct horse battery' },
    });
  });

  it('ignores React bookkeeping fields', () => {
    expect(parseForm(createUserSchema, form([...valid, ['$ACTION_REF_1', ''], ['$ACTION_KEY', 'k']])).ok).toBe(true);
  });

  it('names each bad field and keeps what was typed (except the password)', () => {
    const result = parseForm(
      createUserSchema,
      form([['name', ''], ['email', 'nope'], ['role', 'OWNER'], ['password', 'short']]),
      ['name', 'email', 'role'],
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.state.fieldErrors).toEqual({
      name: ['Enter a name.'],
      email: ['Enter a valid email address, like name@example.com.'],
      role: ['Choose a role: Reporter, Editor or Admin.'],
      password: ['Use at least 12 characters.'],
    });
    expect(result.state.values).toEqual({ name: '', email: 'nope', role: 'OWNER' });
  });

  it('refuses a NUL in any field before any schema sees it', () => {
    const result = parseForm(createUserSchema, form([['name', 'Ada\u0000Reporter'], ...valid.slice(1)]));
    expect(result.ok || result.state.message).toBe('The field "name" may not contain NUL characters.');
  });

  it('refuses unknown, repeated and file fields', () => {
    const unknown = parseForm(createUserSchema, form([...valid, ['isAdmin', 'true']]));
    expect(unknown.ok || unknown.state.message).toBe('Unknown field: isAdmin.');
    const repeated = parseForm(createUserSchema, form([...valid, ['role', 'ADMIN']]));
    expect(repeated.ok || repeated.state.message).toBe('The field "role" was sent more than once.');
    const file = parseForm(createUserSchema, form([['name', new Blob(['x'])]]));
    expect(file.ok || file.state.message).toBe('The field "name" must be text, not a file.');
  });

  it('reports missing fields', () => {
    const result = parseForm(createUserSchema, form([]));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.state.fieldErrors ?? {}).sort()).toEqual(['email', 'name', 'password', 'role']);
  });
});

describe('server action inputs given as objects', () => {
  it('refuse a NUL anywhere by name before the schema sees it; other refusals keep their own message', async () => {
    const { z } = await import('zod');
    const { actionInputMessage, parseActionInput } = await import('@/lib/validations/action-input');
    const schema = z.strictObject({ storyId: z.string(), note: z.string().max(10) });
    const nul = parseActionInput(schema, { storyId: 's1', note: 'Fix\u0000this' });
    expect(nul.success).toBe(false);
    if (!nul.success) expect(actionInputMessage(nul.error, 'fallback')).toBe('Text may not contain NUL characters (at note).');
    const long = parseActionInput(schema, { storyId: 's1', note: 'x'.repeat(11) });
    expect(long.success).toBe(false);
    if (!long.success) expect(actionInputMessage(long.error, 'That request was not understood.')).toBe('That request was not understood.');
    expect(parseActionInput(schema, { storyId: 's1', note: 'Fine' })).toEqual({ success: true, data: { storyId: 's1', note: 'Fine' } });
  });
});

describe('one-line story fields', () => {
  it('fold pasted line breaks and tabs to single spaces rather than store them', async () => {
    const { storyFieldsSchema } = await import('@/lib/validations/story');
    const parsed = storyFieldsSchema.parse({ headline: 'Yoon and Ishiba\r\nhold second summit', dek: 'In Lima,\n\n  the two leaders met', tags: ['Japan\r\nKorea'], bylineIds: ['u1'], creditLine: 'Photo:\tDesk', body: {} });
    expect(parsed.headline).toBe('Yoon and Ishiba hold second summit');
    expect(parsed.dek).toBe('In Lima, the two leaders met');
    expect(parsed.tags).toEqual(['Japan Korea']);
    expect(parsed.creditLine).toBe('Photo: Desk');
    expect(storyFieldsSchema.safeParse({ headline: '\r\n', bylineIds: ['u1'], body: {} }).success).toBe(false);
  });
});

describe('a save of a story written together', () => {
  it('carries its metadata without a body (the shared document writes the body); a first save needs one', async () => {
    const { newStorySchema, saveStorySchema } = await import('@/lib/validations/story');
    const metadata = { headline: 'Harbour reopens', bylineIds: ['u1'], featuredImageId: 'm1' };
    const parsed = saveStorySchema.parse({ ...metadata, baseVersion: 3, kind: 'autosave' });
    expect(parsed.body).toBeUndefined();
    expect(parsed.featuredImageId).toBe('m1');
    expect(newStorySchema.safeParse(metadata).error?.issues.map((i) => i.path.join('.'))).toEqual(['body']);
  });
});
