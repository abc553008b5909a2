// SPDX-License-Identifier: MIT
// Theme switch memory, live filter, copy buttons; pages work without it.
(function () {
  'use strict';
  var d = document, root = d.documentElement, key = 'theme';

  // Theme: Light and Dark set data-theme on <html>; System removes it, so
  // the stylesheet's prefers-color-scheme query decides, live.
  function saved() {
    try { return localStorage.getItem(key) || 'system'; } catch (e) { return 'system'; }
  }
  function apply(t) {
    if (t !== 'light' && t !== 'dark') t = 'system';
    if (t === 'system') root.removeAttribute('data-theme');
    else root.setAttribute('data-theme', t);
    var r = d.getElementById('theme-' + t);
    if (r) r.checked = true;
  }
  d.querySelectorAll('input[name="theme"]').forEach(function (r) {
    r.addEventListener('change', function () {
      if (!r.checked) return;
      try {
        if (r.value === 'system') localStorage.removeItem(key);
        else localStorage.setItem(key, r.value);
      } catch (e) {}
      apply(r.value);
    });
  });
  apply(saved());
  addEventListener('storage', function (e) { if (e.key === key) apply(saved()); });
  // Back and Forward may show this page as it was left, with the radio
  // checked then (from the back/forward cache, or restored form state, which
  // autocomplete="off" refuses); the stylesheet's :has() would follow that
  // radio, so the choice saved since wins again.
  addEventListener('pageshow', function () { apply(saved()); });

  // Filter: every word must appear in a row's text, its data-aliases or
  // its vendor's heading. Words are split as the server's search splits
  // them: at blanks and the punctuation around words, a typographic
  // apostrophe read as "'".
  var q = d.getElementById('q'), count = d.getElementById('q-count');
  var all = d.getElementById('q-all'), link = d.getElementById('q-all-link');
  var rows = [].slice.call(d.querySelectorAll('tr[data-code]'));
  var groups = [].slice.call(d.querySelectorAll('[data-group]'));
  var unfiltered = [].slice.call(d.querySelectorAll('[data-hide-when-filtering]'));
  var result = d.querySelector('p.result');
  rows.forEach(function (r) {
    var vendor = r.closest('section[id^="vendor-"]');
    r.hay = (r.textContent + ' ' + (r.getAttribute('data-aliases') || '') + ' ' +
      (vendor ? vendor.querySelector('h3').textContent : '')).toLowerCase();
  });
  // A class word ("4xx") matches its class's codes, as the server's search
  // does: alone it shows the class, beside other words it narrows them.
  function run() {
    var words = q.value.toLowerCase().replace(/[\u2018\u2019]/g, "'")
      .split(/[\s"()\[\]{}<>,;:!?._\/\\|=+*`\u201c\u201d]+/).filter(Boolean), shown = 0;
    rows.forEach(function (r) {
      var code = r.getAttribute('data-code');
      var ok = words.every(function (w) {
        return /^[1-5]xx$/.test(w) ? code.charAt(0) === w.charAt(0) : r.hay.indexOf(w) >= 0;
      });
      r.hidden = !ok;
      if (ok) shown++;
    });
    groups.forEach(function (g) {
      g.hidden = words.length > 0 && !g.querySelector('tr[data-code]:not([hidden])');
    });
    // The unassigned ranges are no rows to match; the results line of
    // /codes?q= speaks of the query the page was asked, not of the box.
    unfiltered.forEach(function (u) { u.hidden = words.length > 0; });
    if (result) result.hidden = q.value.trim() !== q.defaultValue.trim();
    var none = words.length > 0 && shown === 0, term = q.value.trim();
    if (count) {
      if (none) say(count, 'No code on this page matches ', term, '.');
      else count.textContent = !words.length ? '' :
        shown === 1 ? '1 code shown' : shown + ' codes shown';
    }
    // The tables hold only this page's codes, and a row only its meaning;
    // the full search (the form's own action, which Enter submits) reads
    // every description too, so it is offered while the box filters.
    if (all) {
      all.hidden = !words.length;
      if (words.length) {
        say(link, 'Search all codes for ', term, '');
        link.href = '/codes?q=' + encodeURIComponent(term);
      }
    }
  }
  // Writes `before`, the term in quotes and isolated (a right-to-left mark
  // in it must not reorder the sentence), then `after`; as text, never HTML.
  function say(el, before, term, after) {
    var b = d.createElement('bdi');
    b.textContent = term;
    el.textContent = before + '\u201c';
    el.appendChild(b);
    el.appendChild(d.createTextNode('\u201d' + after));
  }
  if (q && rows.length) {
    q.addEventListener('input', run);
    if (q.value !== q.defaultValue) run();
  }
  if (q) d.addEventListener('keydown', function (e) {
    var t = e.target;
    if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || t.isContentEditable ||
        /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName)) return;
    e.preventDefault();
    q.focus();
    q.select();
  });

  // "Try it" commands name localhost:8080, the default address; the server
  // that sent this page is the one to try.
  if (/^https?:$/.test(location.protocol)) d.querySelectorAll('code[data-origin]').forEach(function (c) {
    c.textContent = c.textContent.split(c.getAttribute('data-origin')).join(location.origin);
  });

  // Copy buttons need the async clipboard, which needs a secure context.
  if (navigator.clipboard) d.querySelectorAll('button[data-copy]').forEach(function (b) {
    var src = d.getElementById(b.getAttribute('data-copy'));
    var note = b.nextElementSibling;
    b.hidden = false;
    b.addEventListener('click', function () {
      navigator.clipboard.writeText(src.textContent).then(function () {
        note.textContent = 'Copied';
      }, function () {
        note.textContent = 'Copy failed: select the line and copy it';
      });
      setTimeout(function () { note.textContent = ''; }, 3000);
    });
  });
})();
