// SPDX-License-Identifier: MIT
// /lint without leaving the page: the form asks POST /api/v1/lint and the
// answer is drawn as the server draws it; without this script the form
// posts to /lint instead.
(function () {
  'use strict';
  var d = document, form = d.getElementById('lint-form');
  if (!form || !window.fetch) return;
  var text = d.getElementById('response'), method = d.getElementById('method');
  var headers = d.getElementById('request-headers');
  var out = d.getElementById('lint-result'), empty = d.getElementById('lint-empty');

  // Builds an element; strings become text nodes, so nothing the answer
  // holds is ever read as HTML.
  function el(tag, attrs, kids) {
    var e = d.createElement(tag);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    (kids || []).forEach(function (c) {
      if (c !== null && c !== undefined) e.append(c);
    });
    return e;
  }
  function link(href, label) { return href ? el('a', { href: href }, [label]) : label; }

  function clear() {
    [].slice.call(out.children).forEach(function (c) { if (c !== empty) c.remove(); });
    empty.hidden = true;
  }
  function notice(message) {
    clear();
    out.append(el('p', { 'class': 'notice', id: 'lint-problem' }, [message]));
  }

  function counts(findings) {
    var order = [], n = {};
    findings.forEach(function (f) {
      if (!n[f.strength]) { n[f.strength] = 0; order.push(f.strength); }
      n[f.strength]++;
    });
    return order.map(function (s) { return n[s] + ' ' + s; }).join(', ');
  }
  function verdict(r) {
    var f = r.findings || [];
    if (!f.length) return 'No findings: this response breaks no rule the lint checks.';
    return (r.must_broken ? 'Breaks a MUST: ' : 'No MUST broken; ') + counts(f) + '.';
  }
  function finding(f) {
    return el('li', { 'class': 'finding finding-' + String(f.strength).toLowerCase() }, [
      el('p', {}, [el('strong', {}, [f.strength]), ' ', el('code', {}, [f.rule]), ' \u00b7 ',
        link(f.url, f.section)]),
      el('p', {}, [f.message])]);
  }
  function fact(dl, name, value) {
    if (value) dl.append(el('dt', {}, [name]), el('dd', {}, [value]));
  }
  function explanation(r, id) {
    var dl = el('dl', { 'class': 'facts' });
    // The sentence is lint::tunnel_sentence (lint_json.hpp), which the
    // page without JavaScript shows.
    if (r.tunnel) fact(dl, 'Answers', 'CONNECT: the proxy\'s tunnel, not the origin\'s response');
    if (r.registered_reason)
      fact(dl, 'Name', r.vendor ? r.registered_reason + ' (' + r.vendor + ', unofficial)' : r.registered_reason);
    if (r.class) fact(dl, 'Class', r.class + ' ' + r.class_name);
    fact(dl, 'Meaning', r.meaning);
    if (r.reference) fact(dl, 'Source', link(r.reference_url, r.reference));
    var box = el('div', { 'class': 'explain' }, [el('h4', { id: id }, ['What ' + r.status + ' means']), dl]);
    if (r.class && r.registration !== 'unassigned')
      box.append(el('p', {}, [el('a', { href: '/codes/' + r.status }, ['More about ' + r.status])]));
    return box;
  }
  function report(r, i, total) {
    var id = 'r' + (i + 1), f = r.findings || [];
    var line = r.version + ' ' + r.status + (r.reason ? ' ' + r.reason : '');
    return el('section', { 'aria-labelledby': id, 'class': 'lint-report' }, [
      el('h3', { id: id }, [total > 1 ? 'Response ' + (i + 1) + ' of ' + total + ': ' : null, el('code', {}, [line])]),
      el('div', { 'class': 'lint-cols' }, [
        el('div', {}, [el('h4', { id: id + '-findings' }, ['Findings']), el('p', { 'class': 'verdict' }, [verdict(r)]),
          f.length ? el('ol', { 'class': 'findings' }, f.map(finding)) : null]),
        explanation(r, id + '-code')])]);
  }
  function show(reports) {
    clear();
    var h = el('h2', { id: 'lint-result-h', tabindex: '-1' },
      [reports.length === 1 ? 'Result' : 'Results: ' + reports.length + ' responses']);
    out.append(el('section', { 'aria-labelledby': 'lint-result-h', 'class': 'lint-results' },
      [h].concat(reports.map(function (r, i) { return report(r, i, reports.length); }))));
    h.focus();
  }

  function run() {
    if (!/\S/.test(text.value)) {
      clear();
      empty.hidden = false;
      text.focus();
      return;
    }
    var q = new URLSearchParams({ method: method.value });
    headers.value.split(/\r?\n/).forEach(function (l) {
      if (/\S/.test(l)) q.append('request_header', l.trim());
    });
    fetch('/api/v1/lint?' + q, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
      body: text.value
    }).then(function (res) {
      var type = res.headers.get('Content-Type') || '';
      if (res.ok) return res.json().then(show);
      if (/json/.test(type)) return res.json().then(function (p) { notice(p.detail || p.title); });
      // Errors of the API are problem+json (413 beyond the body limit too);
      // plain text would come from a proxy in front, and a static copy of
      // the site (httpstatus export) has no API at all.
      return res.text().then(function (t) {
        notice(/^text\/plain/.test(type) && t.trim() ? t.trim()
          : 'The check needs the httpstatus server; this address answered ' + res.status + '.');
      });
    }).catch(function () {
      notice('The check needs the httpstatus server, which did not answer. Try again, or run httpstatus lint.');
    });
  }

  form.addEventListener('submit', function (e) { e.preventDefault(); run(); });
  var example = d.getElementById('lint-example');
  if (example) example.form.addEventListener('submit', function (e) {
    e.preventDefault();
    text.value = d.getElementById('lint-example-text').value;
    method.value = 'GET';
    headers.value = '';
    run();
  });
})();
