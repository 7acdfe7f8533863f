// Masthead's own XSS payloads, so that the suite runs in a clone on its own. Each one calls
// window.__xss(id) if it executes anywhere. Categories follow the larger shared corpus, which the
// tests add when it is present beside the repository.

type Own = [id: string, category: string, payload: string];

const OWN: Own[] = [
  ['own-script-1', 'script-tag', '<script>window.__xss("own-script-1")</script>'],
  ['own-script-2', 'script-tag', '<SCRIPT>window.__xss`own-script-2`</SCRIPT>'],
  ['own-script-3', 'script-tag', '<script src="data:text/javascript,window.__xss(\'own-script-3\')"></script>'],
  ['own-event-1', 'event-handler', '<img src=x onerror=window.__xss("own-event-1")>'],
  ['own-event-2', 'event-handler', '<svg onload=window.__xss("own-event-2")>'],
  ['own-event-3', 'event-handler', '<body onload=window.__xss("own-event-3")>'],
  ['own-event-4', 'event-handler', '<details open ontoggle=window.__xss("own-event-4")>'],
  ['own-event-5', 'event-handler', '<input autofocus onfocus=window.__xss("own-event-5")>'],
  ['own-event-6', 'event-handler', '<video><source onerror=window.__xss("own-event-6")></video>'],
  ['own-jsurl-1', 'javascript-url', '<a href="javascript:window.__xss(\'own-jsurl-1\')">x</a>'],
  ['own-jsurl-2', 'javascript-url', '<a href="jav&#x09;ascript:window.__xss(\'own-jsurl-2\')">x</a>'],
  ['own-jsurl-3', 'javascript-url', '<form action="javascript:window.__xss(\'own-jsurl-3\')"><button>x</button></form>'],
  ['own-data-1', 'data-url', '<iframe src="data:text/html,<script>parent.__xss(\'own-data-1\')</script>"></iframe>'],
  ['own-data-2', 'data-url', '<object data="data:text/html;base64,PHNjcmlwdD5wYXJlbnQuX194c3MoJ293bi1kYXRhLTInKTwvc2NyaXB0Pg=="></object>'],
  ['own-svg-1', 'svg', '<svg><animate onbegin=window.__xss("own-svg-1") attributeName=x dur=1s>'],
  ['own-svg-2', 'svg', '<svg><script>window.__xss("own-svg-2")</script></svg>'],
  ['own-math-1', 'mathml', '<math><mtext><table><mglyph><style><img src=x onerror=window.__xss("own-math-1")>'],
  ['own-iframe-1', 'iframe-object-embed', '<iframe srcdoc="<script>parent.__xss(\'own-iframe-1\')</script>"></iframe>'],
  ['own-embed-1', 'iframe-object-embed', '<embed src="javascript:window.__xss(\'own-embed-1\')">'],
  ['own-style-1', 'style-css', '<style>@keyframes x{}</style><p style="animation-name:x" onanimationstart=window.__xss("own-style-1")>'],
  ['own-attr-1', 'attribute-breakout', '" onmouseover="window.__xss(\'own-attr-1\')" x="'],
  ['own-attr-2', 'attribute-breakout', "' autofocus onfocus='window.__xss(`own-attr-2`)' x='"],
  ['own-attr-3', 'attribute-breakout', "'-window.__xss('own-attr-3')-'"],
  ['own-attr-4', 'attribute-breakout', '"><img src=x onerror=window.__xss(\'own-attr-4\')>'],
  // Also gives the search tests plain words ("onerror", "script") to find among the payloads.
  ['own-attr-5', 'attribute-breakout', `' onerror='window.__xss("own-attr-5")' data-script='`],
  ['own-tag-1', 'tag-breakout', "</title><script>window.__xss('own-tag-1')</script>"],
  ['own-tag-2', 'tag-breakout', "</script><script>window.__xss('own-tag-2')</script>"],
  ['own-tag-3', 'tag-breakout', "</textarea><img src=x onerror=window.__xss('own-tag-3')>"],
  ['own-tag-4', 'tag-breakout', "--><img src=x onerror=window.__xss('own-tag-4')>"],
  ['own-tag-5', 'tag-breakout', "</style><img src=x onerror=window.__xss('own-tag-5')>"],
  ['own-tag-6', 'tag-breakout', "</figcaption><img src=x onerror=window.__xss('own-tag-6')>"],
  ['own-tag-7', 'tag-breakout', "]]><script>window.__xss('own-tag-7')</script>"],
  ['own-mustache-1', 'template-mustache', '{{constructor.constructor("window.__xss(\'own-mustache-1\')")()}}'],
  ['own-poly-1', 'polyglot', 'jaVasCript:/*-/*`/*\\`/*\'/*"/**/(/* */oNcliCk=window.__xss("own-poly-1") )//%0D%0A%0d%0a//</stYle/</titLe/</teXtarEa/</scRipt/--!>\\x3csVg/<sVg/oNloAd=window.__xss("own-poly-1")//>\\x3e'],
  ['own-mxss-1', 'mutation-xss', '<noscript><p title="</noscript><img src=x onerror=window.__xss(\'own-mxss-1\')>">'],
  ['own-mxss-2', 'mutation-xss', '<svg></p><style><a id="</style><img src=1 onerror=window.__xss(\'own-mxss-2\')>">'],
  ['own-md-1', 'markdown-link', "[click](javascript:window.__xss('own-md-1'))"],
  ['own-href-1', 'link-href-only', "javascript:window.__xss('own-href-1')"],
  ['own-href-2', 'link-href-only', "JaVaScRiPt:window.__xss('own-href-2')"],
  ['own-href-3', 'link-href-only', "\u0001javascript:window.__xss('own-href-3')"],
  ['own-href-4', 'link-href-only', "java\tscript:window.__xss('own-href-4')"],
  ['own-href-5', 'link-href-only', "&#106;avascript:window.__xss('own-href-5')"],
  ['own-href-6', 'link-href-only', "data:text/html,<script>window.__xss('own-href-6')</script>"],
  ['own-href-7', 'link-href-only', "vbscript:msgbox('own-href-7')"],
  ['own-href-8', 'link-href-only', "%6A%61%76%61%73%63%72%69%70%74:window.__xss('own-href-8')"],
];

export const OWN_PAYLOADS = OWN.map(([id, category, payload]) => ({ id, category, payload, source: 'masthead' }));
