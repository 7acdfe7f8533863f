// The demo newsroom's wire: a few agency items, as ninjs 2.x documents, dated relative to the seed
// so that the Wires desk shows a live morning. Invented copy.

const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');

const SUMMIT_BODY = '<p>Leaders meeting in Lima agreed a draft communique on Saturday that commits their governments to three new trade corridors across the Pacific.</p><p>Negotiators worked through the night on the text, which still needs the approval of two parliaments.</p><h3>What the draft says</h3><ul><li>Tariffs on port equipment fall by half over five years.</li><li>A joint office will publish shipping data every month.</li></ul><blockquote><p>“This is the most concrete thing a summit has produced in years,” one delegate said.</p></blockquote>';

/** The summit item as the agency sent it, in two versions: the second corrects a figure and adds a line. */
function summit(version: 1 | 2) {
  return {
    uri: 'urn:demo-wire:summit-communique',
    type: 'text',
    version: String(version),
    versioncreated: minutesAgo(version === 1 ? 95 : 40),
    firstcreated: minutesAgo(95),
    urgency: 3,
    language: 'en',
    headlines: [{ role: 'main', value: 'Summit leaders agree draft communique on trade corridors' }],
    slugline: 'SUMMIT-COMMUNIQUE',
    by: 'By Marta Ruiz, Demo Wire',
    located: 'LIMA',
    descriptions: [{ role: 'summary', value: 'Negotiators worked through the night on the text.' }],
    subjects: [
      { name: 'international relations', uri: 'http://cv.iptc.org/newscodes/mediatopic/20000638' },
      { name: 'World', literal: 'world' },
    ],
    bodies: [{ role: 'main', contenttype: 'text/html', value: version === 1 ? SUMMIT_BODY : `${SUMMIT_BODY.replace('three new trade corridors', 'four new trade corridors')}<p>The final text is expected on Sunday.</p>` }],
  };
}

/** The items in the order they arrived, each batch one push. */
export function demoWireItems(): object[][] {
  return [
    [summit(1)],
    [summit(2)],
    [
      {
        uri: 'urn:demo-wire:port-flash',
        type: 'text',
        version: '1',
        versioncreated: minutesAgo(12),
        urgency: 1,
        language: 'en',
        headlines: [{ role: 'main', value: 'FLASH: Callao port workers call snap strike' }],
        slugline: 'PERU-PORT-FLASH',
        by: 'Demo Wire',
        located: 'CALLAO',
        subjects: [{ name: 'labour', uri: 'http://cv.iptc.org/newscodes/mediatopic/09000000' }],
        bodies: [{ role: 'main', value: 'Dockworkers at Callao, Peru’s main port, called a snap strike on Saturday. More to follow.' }],
      },
      {
        uri: 'urn:demo-wire:markets-open',
        type: 'text',
        version: '1',
        versioncreated: minutesAgo(25),
        urgency: 5,
        language: 'en',
        headlines: [{ role: 'main', value: 'Asian markets open higher after summit news' }],
        slugline: 'MARKETS-ASIA',
        by: 'Demo Wire',
        located: 'TOKYO',
        embargoed: minutesAgo(-180),
        subjects: [{ name: 'Business', literal: 'business' }, { name: 'economy, business and finance', uri: 'http://cv.iptc.org/newscodes/mediatopic/04000000' }],
        bodies: [{ role: 'main', contenttype: 'text/html', value: '<p>Share prices in Tokyo and Seoul rose in early trading as investors welcomed the draft summit agreement.</p><p>Shipping companies led the gains.</p>' }],
      },
    ],
  ];
}
