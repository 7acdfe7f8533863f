import type { RawFinding, Rule } from '../types';
import { sentencesOf } from '../sentences';

// A direct quotation should say who is speaking: an attribution verb in the sentence that holds
// it or in the next one (a quotation often comes first, its speaker after: "…,” Yoon added.).

const VERBS =
  /\b(?:say|says|said|saying|add|adds|added|adding|tell|tells|told|telling|ask|asks|asked|write|writes|wrote|written|state|states|stated|note|notes|noted|explain|explains|explained|declare|declared|announce|announced|insist|insisted|argue|argued|warn|warned|warning|remark|remarked|recall|recalled|acknowledge|acknowledged|reply|replied|continue|continued|according|assess|assessed|describe|described|describing|express|expressed|pledge|pledged|urge|urged|claim|claimed|suggest|suggested|comment|commented|answer|answered|admit|admitted|tweet|tweeted|posted|quoted|testified|conclude|concluded|predict|predicted|promise|promised|vow|vowed|recount|recounted|joke|joked|confirm|confirmed|deny|denied|call|called|calls)\b/i;

export const attribution: Rule = ({ segments }) => {
  const out: RawFinding[] = [];
  for (const segment of segments) {
    const sentences = sentencesOf(segment.text);
    sentences.forEach((sentence, i) => {
      const quote = /[“”"]([^“”"]{12,})[”"]/.exec(sentence.text);
      if (!quote) return;
      if (VERBS.test(sentence.text) || VERBS.test(sentences[i + 1]?.text ?? '')) return;
      const from = segment.start + sentence.from + quote.index;
      out.push({ rule: 'attribution', message: 'Who said this? No attribution verb in this sentence or the next.', field: 'body', from, to: from + quote[0].length, excerpt: quote[0].slice(0, 50) });
    });
  }
  return out;
};
