// Links may point only at the web or at an email address. The WHATWG URL parser is the one browsers
// use, so whatever it reads as the scheme (after stripping control characters, tabs and newlines)
// is what a browser would follow.
const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

export function isSafeHref(href: string): boolean {
  if (href.length === 0 || href.length > 2048) return false;
  // Site-relative paths are safe; protocol-relative ("//host") and backslash tricks are not.
  if (/^\/(?![/\\])/.test(href)) return !/[\u0000-\u001f\\]/.test(href);
  try {
    return ALLOWED_PROTOCOLS.has(new URL(href).protocol);
  } catch {
    return false;
  }
}
