import { MATCH_END, MATCH_START } from '@/lib/reading/snippet-marks';

/** A search snippet with the matched words in <mark>: split on our markers, rendered as text. */
export function Snippet({ text }: { text: string }) {
  // A snippet cut before the end of a sentence says so: it ends on a word, then an ellipsis.
  const trimmed = text.trimEnd();
  const cut = !/[.!?…"”’)]$/.test(trimmed.replaceAll(MATCH_END, ''));
  const parts = `${trimmed}${cut ? ' …' : ''}`.split(MATCH_START);
  return (
    <p className="snippet">
      {parts.map((part, i) => {
        if (i === 0) return part.replaceAll(MATCH_END, '');
        const [matched = '', rest = ''] = part.split(MATCH_END);
        return (
          <span key={i}>
            <mark>{matched}</mark>
            {rest}
          </span>
        );
      })}
    </p>
  );
}
