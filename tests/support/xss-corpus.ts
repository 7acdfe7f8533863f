import { readFileSync } from 'node:fs';
import path from 'node:path';

export type XssEntry = { id: string; category: string; payload: string; source: string };

// The shared corpus of public XSS payloads (see its README): each runs window.__xss(id) if it executes.
export const XSS_CORPUS: XssEntry[] = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, '../../../shared/security/xss/corpus.json'), 'utf8'),
);

/** Payloads that are bare URLs (no markup) and so belong in an href. */
export const URL_PAYLOADS = XSS_CORPUS.filter(
  (e) => e.category === 'link-href-only' || (!e.payload.includes('<') && /^[\s\u0000-\u001f]*[a-z][a-z0-9+.\-&#;%\\]*:/i.test(e.payload)),
);
