import { beforeAll, describe, expect, it } from 'vitest';
import { createPreviewToken, readPreviewToken } from '@/lib/preview-token';

beforeAll(() => {
  process.env.AUTH_SECRET = 'unit-test-secret-that-is-long-enough-123';
});

describe('preview links', () => {
  const grant = { storyId: 'story-1', revisionId: 'rev-9', expiresAt: new Date(Date.now() + 3_600_000) };

  it('carry the story and revision until they expire', () => {
    const token = createPreviewToken(grant);
    expect(readPreviewToken(token)).toEqual({ ...grant, linkId: null, expiresAt: new Date(Math.floor(grant.expiresAt.getTime() / 1000) * 1000) });
    expect(readPreviewToken(token, new Date(grant.expiresAt.getTime() + 1000))).toBeNull();
  });

  it('carry the shared link they belong to, which a forger cannot change', () => {
    const token = createPreviewToken({ ...grant, linkId: 'link-1' });
    expect(readPreviewToken(token)?.linkId).toBe('link-1');
    const [, signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ s: 'story-1', r: 'rev-9', e: Math.floor(grant.expiresAt.getTime() / 1000), l: 'link-2' })).toString('base64url');
    expect(readPreviewToken(`${forged}.${signature}`)).toBeNull();
  });

  it('refuse a token whose story, revision or expiry was changed', () => {
    const token = createPreviewToken(grant);
    const [payload, signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ s: 'story-2', r: 'rev-9', e: 9999999999 })).toString('base64url');
    expect(readPreviewToken(`${forged}.${signature}`)).toBeNull();
    expect(readPreviewToken(`${payload}.${signature!.slice(0, -2)}xx`)).toBeNull();
    expect(readPreviewToken(`${payload}`)).toBeNull();
    expect(readPreviewToken(`${payload}.${signature}.more`)).toBeNull();
    expect(readPreviewToken('not a token')).toBeNull();
  });
});
