/* Masthead: click-to-load players for embedded videos. A card shows our own copy of the
   thumbnail and a play link to the original; only when a reader presses it does the provider's
   player load, in a frame from a host the page's Content-Security-Policy allows. */
(function () {
  'use strict';
  document.addEventListener('click', function (event) {
    var target = event.target;
    var link = target && target.closest ? target.closest('a.embed-play[data-player]') : null;
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    var url;
    try {
      url = new URL(link.getAttribute('data-player'), location.href);
    } catch {
      return;
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return;
    var box = link.closest('.embed-player');
    if (!box) return;
    event.preventDefault();
    // The reader asked for it: play at once rather than make them press play twice.
    url.searchParams.set('autoplay', '1');
    var frame = document.createElement('iframe');
    frame.src = url.href;
    frame.title = link.getAttribute('data-title') || 'Video';
    frame.className = 'embed-frame';
    frame.setAttribute('allow', 'autoplay; encrypted-media; picture-in-picture; fullscreen');
    frame.setAttribute('allowfullscreen', '');
    frame.setAttribute('referrerpolicy', 'strict-origin-when-cross-origin');
    frame.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-presentation allow-popups');
    box.classList.add('is-playing');
    box.replaceChildren(frame);
    frame.focus();
  });
})();
