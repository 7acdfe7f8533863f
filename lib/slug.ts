// URL slugs: lower-case words of any script joined by hyphens ("북한-미사일-발사", "москва-и-киев").
// Latin accents are folded ("café" → "cafe", as readers type them); other scripts keep their
// letters and marks, since dropping them would leave a Korean or Russian headline with no slug at
// all. Browsers show such addresses as written; on the wire and in sitemaps they are
// percent-encoded (lib/site.ts absoluteUrl), and the proxy decodes them again.

/** Letters (cased ones in lower case), combining marks and digits, in hyphen-joined runs. */
export const SLUG_PATTERN = /^[\p{Ll}\p{Lo}\p{Lm}\p{M}\p{N}]+(?:-[\p{Ll}\p{Lo}\p{Lm}\p{M}\p{N}]+)*$/u;

// Latin letters that do not decompose into a base letter and an accent.
const LATIN_FOLDS: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

export function slugify(text: string, maxLength = 80): string {
  const words = text
    .normalize('NFKD')
    // Only accents on Latin letters go: a Cyrillic й or a Japanese が keeps its mark.
    .replace(/(\p{Script=Latin})[\u0300-\u036f]+/gu, '$1')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[ßæœøłðđþı]/g, (c) => LATIN_FOLDS[c] ?? c)
    .replace(/['’‘]/g, '')
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  // Cut by characters, not UTF-16 units, and never in the middle of a hyphen run.
  return Array.from(words).slice(0, maxLength).join('').replace(/-+$/g, '');
}
