/** The words around text[from, to) (a few either side, whole words only), for a finding's list entry. */
export function around(text: string, from: number, to: number, spread = 24): string {
  let a = Math.max(0, from - spread);
  let b = Math.min(text.length, to + spread);
  if (a > 0) a = text.indexOf(' ', a) + 1 || from;
  if (a > from) a = from;
  if (b < text.length) b = Math.max(to, text.lastIndexOf(' ', b));
  return `${a > 0 ? '…' : ''}${text.slice(a, b).trim()}${b < text.length ? '…' : ''}`;
}

/** The first few words from text[at] on, for a finding at the start of a quotation. */
export function startingAt(text: string, at: number, length = 36): string {
  if (text.length - at <= length) return text.slice(at).trim();
  const cut = text.lastIndexOf(' ', at + length);
  return `${text.slice(at, cut > at ? cut : at + length).trim()}…`;
}
