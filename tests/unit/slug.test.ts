import { describe, expect, it } from 'vitest';
import { SLUG_PATTERN, slugify } from '@/lib/slug';

describe('slugs', () => {
  it.each([
    ['North Korea’s missile launch', 'north-koreas-missile-launch'],
    ['Yoon, Ishiba hold second summit in Lima', 'yoon-ishiba-hold-second-summit-in-lima'],
    // Korean keeps its syllables (NFKD would split them into jamo; they must come back whole).
    ['북한, 동해상으로 탄도미사일 발사', '북한-동해상으로-탄도미사일-발사'],
    // Japanese has no spaces to split on, and keeps its voiced marks (が is not か).
    ['日本の首相が辞任を表明', '日本の首相が辞任を表明'],
    ['「がんばれ」と首相', 'がんばれ-と首相'],
    // Cyrillic keeps its letters, й and ё included.
    ['Москва и Киев: переговоры', 'москва-и-киев-переговоры'],
    ['Йошкар-Ола, ёлка', 'йошкар-ола-ёлка'],
    // Accented Latin folds to the letters readers type.
    ['Café in São Paulo, über die Straße', 'cafe-in-sao-paulo-uber-die-strasse'],
    ['Ørsted leaves Łódź', 'orsted-leaves-lodz'],
    ['2026 Ελλάδα', '2026-ελλάδα'],
  ])('%s → %s', (headline, slug) => {
    expect(slugify(headline)).toBe(slug);
    expect(SLUG_PATTERN.test(slug)).toBe(true);
  });

  it('cuts long headlines by characters, never mid-character or on a hyphen', () => {
    const slug = slugify('북한 '.repeat(60), 80);
    expect(Array.from(slug).length).toBeLessThanOrEqual(80);
    expect(slug).not.toMatch(/-$/);
    expect(slug.normalize('NFC')).toBe(slug);
  });

  it.each(['', '  ', '!!!', '—'])('gives nothing for %j (the caller picks a fallback)', (text) => {
    expect(slugify(text)).toBe('');
  });

  it.each(['Upper-Case', 'two--hyphens', '-leading', 'trailing-', 'with space', 'semi;colon', 'slash/inside', '%EB%B6%81'])('the pattern refuses %j', (slug) => {
    expect(SLUG_PATTERN.test(slug)).toBe(false);
  });
});
