// Masthead live blogs: while coverage runs, asks the blog's live.json every 10 to 15 seconds
// (with its ETag, so an unchanged answer is a bodiless 304) and offers new entries behind a
// "N new updates" button that the reader presses: the page never moves under them. It stops while
// the tab is hidden and once coverage ends. Without this script the page works by reloading.
(function () {
  var blog = document.querySelector('[data-live-url]');
  if (!blog) return;
  var url = blog.getAttribute('data-live-url');
  var list = blog.querySelector('.live-entries');
  var status = blog.querySelector('.live-status');
  var etag = null;
  var waiting = [];
  var timer = null;
  var ended = blog.getAttribute('data-live-ended') === 'true';

  var button = document.createElement('button');
  button.type = 'button';
  button.className = 'live-new';
  button.hidden = true;
  var announcer = document.createElement('p');
  announcer.className = 'live-announce';
  announcer.setAttribute('role', 'status');
  list.parentNode.insertBefore(announcer, list);
  list.parentNode.insertBefore(button, list);

  function shown(id) {
    return document.getElementById('entry-' + id) !== null;
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
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
    var n = waiting.length;
    button.hidden = n === 0;
    button.textContent = n === 1 ? '1 new update' : n + ' new updates';
    announcer.textContent = n ? button.textContent : '';
  }

  button.addEventListener('click', function () {
    // Oldest first, each above the last: the newest ends on top.
    for (var i = 0; i < waiting.length; i++) list.insertBefore(article(waiting[i]), list.firstChild);
    var empty = list.querySelector('.live-none');
    if (empty) empty.remove();
    waiting = [];
    offer();
    if (list.firstChild && list.firstChild.focus) {
      list.firstChild.tabIndex = -1;
      list.firstChild.focus();
    }
  });

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
        if (data) {
          var fresh = [];
          for (var i = 0; i < data.entries.length; i++) if (!shown(data.entries[i].id)) fresh.push(data.entries[i]);
          waiting = fresh.reverse();
          offer();
          if (!data.live) {
            // Coverage ended: say so, and ask no more.
            ended = true;
            blog.setAttribute('data-live-ended', 'true');
            if (status) status.textContent = 'Coverage has ended';
          }
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
})();
