// Masthead live blogs: while coverage runs, asks the blog's live.json every 10 to 15 seconds
// (with its ETag, so an unchanged answer is a bodiless 304) and offers new entries behind a
// "N new updates" button that the reader presses: the page never moves under them. It stops while
// the tab is hidden and once coverage ends. Without this script the page works by reloading.
// The page is hydrated by React after it loads: nothing here touches the page before the first
// answer arrives (seconds later), and elements are looked up when used, never kept.
function mastheadLive() {
  var first = document.querySelector('[data-live-url]');
  if (!first) return;
  var url = first.getAttribute('data-live-url');
  var etag = null;
  var waiting = [];
  var timer = null;
  var ended = first.getAttribute('data-live-ended') === 'true';

  function blog() {
    return document.querySelector('[data-live-url]');
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  // The button and its announcement, made the first time there is something to offer.
  function controls() {
    var root = blog();
    var list = root.querySelector('.live-entries');
    var button = root.querySelector('.live-new');
    if (!button) {
      var announcer = el('p', 'live-announce');
      announcer.setAttribute('role', 'status');
      button = el('button', 'live-new');
      button.type = 'button';
      button.addEventListener('click', insert);
      list.parentNode.insertBefore(announcer, list);
      list.parentNode.insertBefore(button, list);
    }
    return { list: list, button: button, announcer: root.querySelector('.live-announce') };
  }

  // The same markup as the page: an article with its own address, time, author, headline, mark.
  function article(entry) {
    var node = el('article', 'live-entry' + (entry.keyEvent ? ' live-entry-key' : ''));
    node.id = 'entry-' + entry.id;
    var meta = el('header', 'live-entry-meta');
    var link = el('a', 'live-entry-time');
    link.href = '#entry-' + entry.id;
    var time = el('time', null, entry.postedLabel);
    time.dateTime = entry.postedAt;
    link.appendChild(time);
    meta.appendChild(link);
    if (entry.keyEvent) meta.appendChild(el('span', 'live-mark', 'Key event'));
    if (entry.author) meta.appendChild(el('span', 'live-entry-author', entry.author));
    node.appendChild(meta);
    if (entry.headline) node.appendChild(el('h3', null, entry.headline));
    // Rendered by the server from the entry's validated body, escaped as on the page.
    var body = el('div', 'live-entry-body');
    body.innerHTML = entry.html;
    node.appendChild(body);
    return node;
  }

  function offer() {
    if (!waiting.length && !blog().querySelector('.live-new')) return;
    var c = controls();
    var n = waiting.length;
    c.button.hidden = n === 0;
    c.button.textContent = n === 1 ? '1 new update' : n + ' new updates';
    c.announcer.textContent = n ? c.button.textContent : '';
  }

  function insert() {
    var c = controls();
    // Oldest first, each above the last: the newest ends on top.
    for (var i = 0; i < waiting.length; i++) c.list.insertBefore(article(waiting[i]), c.list.firstChild);
    var empty = c.list.querySelector('.live-none');
    if (empty) empty.remove();
    waiting = [];
    offer();
    var top = c.list.firstChild;
    if (top) {
      top.tabIndex = -1;
      top.focus();
    }
  }

  function schedule() {
    clearTimeout(timer);
    if (ended || document.hidden) return;
    timer = setTimeout(poll, 10000 + Math.random() * 5000);
  }

  function poll() {
    var headers = etag ? { 'If-None-Match': etag } : {};
    fetch(url, { headers: headers, cache: 'no-cache', credentials: 'omit' })
      .then(function (response) {
        if (response.status === 304 || !response.ok) return null;
        etag = response.headers.get('ETag');
        return response.json();
      })
      .then(function (data) {
        if (!data) return;
        var fresh = [];
        for (var i = 0; i < data.entries.length; i++) if (!document.getElementById('entry-' + data.entries[i].id)) fresh.push(data.entries[i]);
        waiting = fresh.reverse();
        offer();
        if (!data.live) {
          // Coverage ended: say so, and ask no more.
          ended = true;
          var root = blog();
          root.setAttribute('data-live-ended', 'true');
          var status = root.querySelector('.live-status');
          if (status) status.textContent = 'Coverage has ended';
        }
      })
      .catch(function () {})
      .then(schedule);
  }

  document.addEventListener('visibilitychange', function () {
    if (document.hidden) clearTimeout(timer);
    else schedule();
  });
  schedule();
}
// An async script may run before the page has been parsed.
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mastheadLive);
else mastheadLive();
