import { readShared } from './shared';
import { OWN_PAYLOADS } from './xss-payloads';

export type XssEntry = { id: string; category: string; payload: string; source: string };

// Masthead's own payloads, plus the shared corpus of 709 public payloads (see its README) when it
// is beside the repository. Each runs window.__xss(id) if it executes.
const shared = readShared('security/xss/corpus.json');
export const SHARED_CORPUS: XssEntry[] = shared ? JSON.parse(shared) : [];
export const XSS_CORPUS: XssEntry[] = [...OWN_PAYLOADS, ...SHARED_CORPUS];

/** Payloads that are bare URLs (no markup) and so belong in an href. */
export const URL_PAYLOADS = XSS_CORPUS.filter(
  (e) => e.category === 'link-href-only' || (!e.payload.includes('<') && /^[\s\u0000-\u001f]*[a-z][a-z0-9+.\-&#;%\\]*:/i.test(e.payload)),
);
