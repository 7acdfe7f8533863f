import { describe, expect, it } from 'vitest';
import { rssText, xmlDocument } from '@/lib/feeds/xml';
import { canEditMediaText } from '@/lib/permissions';
import { clientAddress, limitKeyOf } from '@/lib/security/client-address';
import { redactPath } from '@/lib/log';
import { API_POLICY, noncePolicy, publicPolicy, usesNonce } from '@/lib/security/csp';
import { MAX_CONCURRENT_HASHES, hashGateStats, withHashSlot } from '@/lib/security/hash-gate';

describe('the client address', () => {
  it('is the socket peer when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(clientAddress('203.0.113.9', '198.51.100.1', 0)).toBe('203.0.113.9');
    expect(clientAddress('::ffff:203.0.113.9', undefined, 0)).toBe('203.0.113.9');
    expect(clientAddress('2001:db8::1', 'spoofed', 0)).toBe('2001:db8::1');
  });

  it('with N trusted proxies, is the entry the outermost of them appended; entries further left are ignored', () => {
    // client forged "1.1.1.1"; the one proxy appended the real client, 203.0.113.9.
    expect(clientAddress('10.0.0.2', '1.1.1.1, 203.0.113.9', 1)).toBe('203.0.113.9');
    // Two proxies: CDN appended the client, the load balancer appended the CDN's address.
    expect(clientAddress('10.0.0.2', '1.1.1.1, 203.0.113.9, 192.0.2.50', 2)).toBe('203.0.113.9');
    expect(clientAddress('10.0.0.2', ['1.1.1.1', '203.0.113.9'], 1)).toBe('203.0.113.9');
  });

  it('falls back to the left-most known hop when fewer hops arrived than are trusted', () => {
    expect(clientAddress('10.0.0.2', undefined, 1)).toBe('10.0.0.2');
    expect(clientAddress('10.0.0.2', '203.0.113.9', 3)).toBe('203.0.113.9');
    expect(clientAddress(undefined, undefined, 0)).toBe('unknown');
  });
});

describe('Content-Security-Policy', () => {
  it('gives newsroom and sign-in pages a nonce with strict-dynamic and no unsafe-inline script', () => {
    const policy = noncePolicy('abc123');
    const script = policy.split('; ').find((d) => d.startsWith('script-src'))!;
    expect(script).toBe("script-src 'nonce-abc123' 'strict-dynamic'");
    for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'", 'report-uri /api/csp-report']) {
      expect(policy).toContain(directive);
    }
    expect(noncePolicy('abc123', true)).toContain("'unsafe-eval'"); // development only
    expect(policy).not.toContain('unsafe-eval');
  });

  it('gives cached public pages scripts from our own origin only, and the same hard limits', () => {
    const policy = publicPolicy();
    expect(policy).toContain("script-src 'self' 'unsafe-inline'");
    expect(policy).not.toMatch(/https?:|\*/);
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(API_POLICY).toBe("default-src 'none'; frame-ancestors 'none'");
  });

  it('uses a nonce exactly on the newsroom, sign-in and reset pages', () => {
    for (const path of ['/newsroom', '/newsroom/stories/x', '/login', '/reset-password/abc']) expect(usesNonce(path), path).toBe(true);
    for (const path of ['/', '/world/story', '/newsroomx', '/login-help', '/search', '/api/v1/stories']) expect(usesNonce(path), path).toBe(false);
  });
});

describe('RSS text', () => {
  it('is escaped for HTML and then for XML, so a reader that renders HTML shows the text', () => {
    const element = (text: string) => xmlDocument({ t: text }).split('\n')[1];
    expect(element(rssText('<script>window.__xss(1)</script> & “quotes”'))).toBe('<t>&amp;lt;script&amp;gt;window.__xss(1)&amp;lt;/script&amp;gt; &amp;amp; “quotes”</t>');
    expect(element(rssText(`He said "no" and 'yes'`))).toBe('<t>He said &amp;quot;no&amp;quot; and &amp;#39;yes&amp;#39;</t>');
    expect(element('a < b')).toBe('<t>a &lt; b</t>');
    // A character XML 1.0 forbids would make the whole feed unreadable: it is dropped.
    expect(element('bell\u0007 and form\u000c feed')).toBe('<t>bell and form feed</t>');
    expect(xmlDocument({ t: { '@_a': 'x"y<z\u0001' } }).split('\n')[1]).toBe('<t a="x&quot;y&lt;z"/>');
  });
});

describe('media text permission', () => {
  const uploader = { id: 'u1', role: 'REPORTER' as const, active: true };
  it.each([
    ['the uploader, image on no live story', uploader, { uploadedById: 'u1', onLiveStory: false }, true],
    ['the uploader, image on a live story', uploader, { uploadedById: 'u1', onLiveStory: true }, false],
    ['another reporter', { ...uploader, id: 'u2' }, { uploadedById: 'u1', onLiveStory: false }, false],
    ['an editor, image on a live story', { id: 'e', role: 'EDITOR' as const, active: true }, { uploadedById: 'u1', onLiveStory: true }, true],
    ['an admin', { id: 'a', role: 'ADMIN' as const, active: true }, { uploadedById: 'u1', onLiveStory: true }, true],
    ['a deactivated editor', { id: 'e', role: 'EDITOR' as const, active: false }, { uploadedById: 'u1', onLiveStory: false }, false],
    ['nobody', null, { uploadedById: 'u1', onLiveStory: false }, false],
  ])('%s: %s', (_who, actor, media, allowed) => {
    expect(canEditMediaText(actor, media)).toBe(allowed);
  });
});

describe('the hash gate', () => {
  it('runs at most its limit at once and hands each freed slot to the next in line', async () => {
    let running = 0;
    let most = 0;
    const work = () =>
      withHashSlot(async () => {
        running++;
        most = Math.max(most, running);
        await new Promise((r) => setTimeout(r, 5));
        running--;
        return true;
      });
    expect((await Promise.all(Array.from({ length: 12 }, work))).every(Boolean)).toBe(true);
    expect(most).toBe(MAX_CONCURRENT_HASHES);
    expect(hashGateStats()).toMatchObject({ active: 0, waiting: 0 });
  });
});

describe('the internal revalidation route signature', () => {
  it('accepts only a body signed with this installation\'s AUTH_SECRET', async () => {
    const previous = process.env.AUTH_SECRET;
    process.env.AUTH_SECRET = 'a'.repeat(32);
    try {
      const { isSignedRevalidation, pagePathsIn, pageTag, signRevalidation } = await import('@/lib/cache/pages');
      const body = JSON.stringify({ paths: ['/world/a-story'] });
      const signature = signRevalidation(body);
      expect(isSignedRevalidation(body, signature)).toBe(true);
      expect(isSignedRevalidation(body.replace('a-story', 'another'), signature)).toBe(false);
      expect(isSignedRevalidation(body, null)).toBe(false);
      expect(isSignedRevalidation(body, 'x')).toBe(false);
      process.env.AUTH_SECRET = 'b'.repeat(32);
      expect(isSignedRevalidation(body, signature)).toBe(false);
      expect(pagePathsIn(['story:s1', pageTag('/world/a-story')])).toEqual(['/world/a-story']);
    } finally {
      if (previous === undefined) delete process.env.AUTH_SECRET;
      else process.env.AUTH_SECRET = previous;
    }
  });
});

describe('feed XML', () => {
  it('writes attributes with their values (XML has no bare attributes)', () => {
    expect(xmlDocument({ guid: { '@_isPermaLink': 'true', '#text': 'https://example.com/a' } }).split('\n')[1]).toBe('<guid isPermaLink="true">https://example.com/a</guid>');
  });
});

describe('rate-limit keys', () => {
  it('count an IPv4 address alone and every IPv6 address by its /64', () => {
    expect(limitKeyOf('203.0.113.7')).toBe('203.0.113.7');
    expect(limitKeyOf('2001:db8:1:2:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:1:2::/64');
    expect(limitKeyOf('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(limitKeyOf('2001:0DB8:0001:0002:ffff::9')).toBe('2001:db8:1:2::/64');
    expect(limitKeyOf('[2001:db8::1%eth0]')).toBe('2001:db8:0:0::/64');
    expect(limitKeyOf('::1')).toBe('0:0:0:0::/64');
    // Two addresses of one /64 are one client; of two /64s, two.
    expect(limitKeyOf('2001:db8:1:2::1')).toBe(limitKeyOf('2001:db8:1:2:ffff:ffff:ffff:fffe'));
    expect(limitKeyOf('2001:db8:1:2::1')).not.toBe(limitKeyOf('2001:db8:1:3::1'));
    expect(limitKeyOf('unknown')).toBe('unknown');
    expect(limitKeyOf('1:2:3:4:5:6:7:8:9')).toBe('1:2:3:4:5:6:7:8:9');
  });
});

describe('request paths in the log', () => {
  it('hide the secret of reset and preview links, and nothing else', () => {
    expect(redactPath('/reset-password/AbC123-_xyz')).toBe('/reset-password/[redacted]');
    expect(redactPath('/preview/eyJhbGciOi.signature')).toBe('/preview/[redacted]');
    expect(redactPath('/PREVIEW/secret/more')).toBe('/PREVIEW/[redacted]/more');
    expect(redactPath('/preview/front')).toBe('/preview/front');
    expect(redactPath('/world/yoon-ishiba-summit')).toBe('/world/yoon-ishiba-summit');
    expect(redactPath('/reset-password')).toBe('/reset-password');
  });
});
