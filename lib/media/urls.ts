import { env } from '@/lib/env';

// Where readers' browsers fetch renditions. Stored bodies and media rows always name them by the
// origin's address ("/media/<id>/<width>.webp", the only form the body schema takes); what goes
// out to readers (pages, feeds, the API) names the public bucket instead when
// MASTHEAD_MEDIA_PUBLIC_URL is set, so that images do not pass through the app at all.

/** The address a reader's browser fetches this rendition from. */
export function publicMediaSrc(src: string, base = env().MASTHEAD_MEDIA_PUBLIC_URL): string {
  if (!base || !src.startsWith('/media/')) return src;
  return `${base.replace(/\/+$/, '')}/${src.slice('/media/'.length)}`;
}

/** The origin images come from besides our own, for the pages' Content-Security-Policy; null: none. */
export function publicMediaOrigin(base = env().MASTHEAD_MEDIA_PUBLIC_URL): string | null {
  return base ? new URL(base).origin : null;
}
